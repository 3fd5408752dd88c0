package ca.passerelle.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.OfficialHsds;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer of the HSDS API, on the demo directory, validates against the schema the official
 * OpenAPI description gives for it, and the API takes the official paging and query parameters.
 */
@IntegrationTest
class HsdsConformanceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void describesItselfAtTheRoot() {
        JsonNode root = valid("/", "/hsds/");

        assertThat(root.get("version").asString()).isEqualTo("3.0");
        assertThat(root.get("openapi_url").asString()).endsWith("openapi.json");
        String profile = root.get("profile").asString();
        String page = http.get(profile.substring(profile.indexOf("/hsds/")) + "?lang=fr").body();
        assertThat(page).contains("Le profil HSDS 3.0 de Passerelle").contains("confidential-location");
    }

    @Test
    void listsServicesInEveryShapeTheStandardOffers() {
        JsonNode page = valid("/services", "/hsds/services");
        assertThat(page.get("total_items").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(page.get("first_page").asBoolean()).isTrue();
        assertThat(page.get("contents").get(0).has("organization")).isTrue();

        JsonNode second = valid("/services", "/hsds/services?page=2&per_page=7");
        assertThat(second.get("page_number").asInt()).isEqualTo(2);
        assertThat(second.get("contents")).hasSize(7);
        assertThat(second.get("first_page").asBoolean()).isFalse();

        JsonNode full = valid("/services", "/hsds/services?full=true&per_page=5");
        assertThat(full.get("contents").get(0).has("service_at_locations")).isTrue();

        JsonNode minimal = valid("/services", "/hsds/services?minimal=true&per_page=1000");
        assertThat(minimal.get("contents")).allSatisfy(service -> assertThat(service.propertyNames())
                .contains("id", "name", "status").isSubsetOf("id", "name", "status", "last_modified"));
    }

    @Test
    void filtersServicesAsTheStandardSays() {
        JsonNode trafficking = valid("/services", "/hsds/services?taxonomy_term_id="
                + PasserelleTaxonomy.TRAFFICKING_SPECIFIC.id() + "&per_page=1000");
        long expected = jdbc.sql("select count(*) from services where trafficking_specific").query(Long.class).single();
        assertThat(trafficking.get("total_items").asLong()).isEqualTo(expected).isPositive();

        assertThat(valid("/services", "/hsds/services?taxonomy_id=" + PasserelleTaxonomy.ID).get("total_items").asLong())
                .isGreaterThanOrEqualTo(300);
        UUID organization = jdbc.sql("select organization_id from services limit 1").query(UUID.class).single();
        JsonNode ofOrganization = valid("/services", "/hsds/services?organization_id=" + organization);
        assertThat(ofOrganization.get("contents")).allSatisfy(s -> assertThat(s.get("organization_id").asString())
                .isEqualTo(organization.toString()));
        assertThat(valid("/services", "/hsds/services?modified_after=2999-01-01").get("empty").asBoolean()).isTrue();
        JsonNode searched = valid("/services", "/hsds/services?search=h%C3%A9bergement");
        assertThat(searched.get("total_items").asLong()).isPositive();
        assertThat(valid("/services", "/hsds/services?search=Hebergement").get("total_items").asLong())
                .as("accents and case do not matter").isEqualTo(searched.get("total_items").asLong());
    }

    @Test
    void givesEveryServiceFullyNested() {
        for (UUID id : someIds("select id from services order by md5(id::text) limit 12")) {
            JsonNode service = valid("/services/{id}", "/hsds/services/" + id);
            assertThat(service.get("id").asString()).isEqualTo(id.toString());
            assertThat(service.has("organization")).isTrue();
        }
    }

    @Test
    void listsAndGivesOrganizations() {
        valid("/organizations", "/hsds/organizations");
        valid("/organizations", "/hsds/organizations?full=true&per_page=3");
        valid("/organizations", "/hsds/organizations?full=true&full_service=true&per_page=2");
        valid("/organizations", "/hsds/organizations?search=clinic");
        // organisations with services: another test class sharing this application may have added one without
        for (UUID id : someIds("""
                select id from organizations o where exists (select 1 from services s where s.organization_id = o.id)
                order by md5(id::text) limit 5""")) {
            JsonNode organization = valid("/organizations/{id}", "/hsds/organizations/" + id);
            assertThat(organization.get("services")).isNotEmpty();
            valid("/organizations/{id}", "/hsds/organizations/" + id + "?full_service=true");
        }
    }

    @Test
    void listsAndGivesServicesAtLocations() {
        JsonNode page = valid("/service_at_locations", "/hsds/service_at_locations");
        assertThat(page.get("contents").get(0).has("location")).isTrue();
        valid("/service_at_locations", "/hsds/service_at_locations?full=true&per_page=3");
        String postcode = jdbc.sql("""
                select left(a.postal_code, 3) from addresses a join locations l on l.id = a.location_id
                where not l.confidential limit 1""").query(String.class).single();
        assertThat(valid("/service_at_locations", "/hsds/service_at_locations?postcode=" + postcode)
                .get("total_items").asLong()).isPositive();
        assertThat(valid("/service_at_locations", "/hsds/service_at_locations?postcode=" + postcode + "&proximity=20000")
                .get("total_items").asLong()).isPositive();
        // The official OpenAPI names compiled/service.json for this answer, but describes, and means,
        // a fully nested service_at_location: the answer is checked against that schema.
        Schema serviceAtLocation = OfficialHsds.schema("compiled/service_at_location.json");
        for (UUID id : someIds("select id from service_at_location order by md5(id::text) limit 5")) {
            String body = ok("/hsds/service_at_locations/" + id);
            assertThat(OfficialHsds.validate(serviceAtLocation, body)).as(id.toString()).isEmpty();
        }
    }

    @Test
    void listsAndGivesTaxonomiesAndTerms() {
        JsonNode taxonomies = valid("/taxonomies", "/hsds/taxonomies");
        assertThat(taxonomies.get("contents").findValuesAsString("name")).contains("Passerelle / Passerelle");
        valid("/taxonomies/{id}", "/hsds/taxonomies/" + PasserelleTaxonomy.ID);
        JsonNode terms = valid("/taxonomy_terms", "/hsds/taxonomy_terms?taxonomy_id=" + PasserelleTaxonomy.ID + "&per_page=100");
        assertThat(terms.get("total_items").asLong()).isEqualTo(PasserelleTaxonomy.terms().size());
        valid("/taxonomy_terms", "/hsds/taxonomy_terms?top_only=true&search=domain");
        valid("/taxonomy_terms/{id}", "/hsds/taxonomy_terms/" + PasserelleTaxonomy.CONFIDENTIAL_LOCATION.id());
    }

    @Test
    void streamsEveryMatchAsNewlineDelimitedJson() {
        HttpResponse<String> stream = http.get("/hsds/services?format=ndjson");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("ndjson"));
        List<String> lines = stream.body().lines().toList();
        long services = jdbc.sql("select count(*) from services").query(Long.class).single();
        assertThat(lines).hasSize((int) services);
        Schema item = OfficialHsds.schema("compiled/service_list.json");
        assertThat(lines.stream().limit(50).flatMap(line -> OfficialHsds.validate(item, line).stream()).toList()).isEmpty();
    }

    @Test
    void explainsABadParameterInThePersonsLanguageAndAMissingRecord() {
        HttpResponse<String> english = http.get("/hsds/services?per_page=5000", "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("per_page must be a whole number from 1 to 1,000");
        HttpResponse<String> french = http.get("/hsds/services?taxonomy_id=abc", "Accept-Language", "fr-CA");
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.body()).contains("Le paramètre taxonomy_id doit être un identifiant UUID");
        assertThat(http.get("/hsds/services?full=perhaps").statusCode()).isEqualTo(400);
        assertThat(http.get("/hsds/services?format=xml").statusCode()).isEqualTo(400);
        assertThat(http.get("/hsds/services/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(http.get("/hsds/services/not-an-id").statusCode()).isEqualTo(404);
    }

    private JsonNode valid(String openApiPath, String request) {
        String body = ok(request);
        assertThat(OfficialHsds.validate(OfficialHsds.responseSchema(openApiPath), body)).as(request).isEmpty();
        return JsonMapper.shared().readTree(body);
    }

    private String ok(String request) {
        HttpResponse<String> answer = http.get(request);
        assertThat(answer.statusCode()).as(request).isEqualTo(200);
        return answer.body();
    }

    private List<UUID> someIds(String sql) {
        return jdbc.sql(sql).query(UUID.class).list();
    }
}
