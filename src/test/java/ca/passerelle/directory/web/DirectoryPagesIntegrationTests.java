package ca.passerelle.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public directory pages: search by words and filters, and a service page to act on, in both languages. */
@IntegrationTest
class DirectoryPagesIntegrationTests {

    private static final Pattern COUNT = Pattern.compile("id=\"results-heading\">(\\d+)");

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
    void listsEveryPublicServiceWithoutASearch() {
        assertThat(count("/services?lang=en")).isEqualTo(
                jdbc.sql("select count(*) from services where status in ('active', 'temporarily closed')").query(Long.class).single());
    }

    @Test
    void filtersByNeedProvinceCityLanguageAndHours() {
        assertThat(count("/services?lang=en&domain=legal-aid&province=QC")).isEqualTo(dbCount(
                "'legal-aid' = any(need_domains) and 'QC' = any(provinces)"));
        assertThat(count("/services?lang=en&domain=health&domain=education")).isEqualTo(dbCount(
                "need_domains && array['health', 'education']"));
        assertThat(count("/services?lang=en&city=Winnipeg")).isEqualTo(dbCount("'winnipeg' = any(cities)")).isPositive();
        assertThat(count("/services?lang=en&language=tl")).isEqualTo(dbCount("'tl' = any(language_codes)")).isPositive();
        assertThat(count("/services?lang=en&open247=true")).isEqualTo(dbCount("open_24_7")).isPositive();
    }

    @Test
    void findsPlacesAndWordsWhateverTheAccentsAndCase() {
        long montreal = count("/services?lang=fr&city=Montr%C3%A9al");
        assertThat(montreal).isPositive();
        assertThat(count("/services?lang=fr&city=MONTREAL")).isEqualTo(montreal);
        assertThat(count("/services?lang=fr&q=hebergement")).isEqualTo(count("/services?lang=fr&q=H%C3%A9bergement")).isPositive();
        assertThat(count("/services?lang=en&q=shelter")).isPositive();
    }

    @Test
    void aWordIsNotFoundInAnotherWordWhoseStemItIs() {
        // "refuge" (a shelter) is the English stem of "refugees"
        assertThat(http.get("/services?lang=en&q=refugees").body()).contains("Immigration legal clinic");
        assertThat(http.get("/services?lang=en&q=refuge").body()).doesNotContain("Immigration legal clinic");
        assertThat(count("/services?lang=en&q=refuge")).isPositive();
        assertThat(count("/services?lang=en&q=Pathways")).as("an organisation's name, as written").isPositive();
    }

    @Test
    void saysWhenNothingMatchesAndOffersAWayOut() {
        String page = http.get("/services?lang=en&q=zzzqqqxxy").body();

        assertThat(page).contains("No service found").contains("Clear the search and see every service");
    }

    @Test
    void showsHowToReachAServiceNowInEitherLanguage() {
        UUID id = jdbc.sql("select id from services where open_24_7 and status = 'active' and record_language = 'en' limit 1")
                .query(UUID.class).single();

        String english = http.get("/services/" + id + "?lang=en").body();
        String french = http.get("/services/" + id + "?lang=fr").body();

        assertThat(english).contains("How to reach this service now").contains("Open 24 hours a day, 7 days a week")
                .contains("href=\"tel:");
        assertThat(french).contains("Comment joindre ce service maintenant").contains("Ouvert 24 heures sur 24, 7 jours sur 7")
                .contains("<html lang=\"fr\"");
        assertThat(french).as("the French translation of an English record").contains("lang=\"fr\"");
    }

    @Test
    void marksTextShownInTheOtherLanguage() {
        UUID organization = jdbc.sql("select id from organizations limit 1").query(UUID.class).single();
        jdbc.sql("insert into services (id, organization_id, name, status) values (:id, :organization, 'Only in English', 'active')")
                .param("id", UUID.fromString("00000000-0000-4000-8000-0000000000e1")).param("organization", organization).update();
        jdbc.sql("""
                insert into attributes (id, link_id, taxonomy_term_id, link_entity, value)
                values (gen_random_uuid(), '00000000-0000-4000-8000-0000000000e1', :term, 'service', 'en')""")
                .param("term", ca.passerelle.directory.hsds.PasserelleTaxonomy.RECORD_LANGUAGE.id()).update();

        String french = http.get("/services/00000000-0000-4000-8000-0000000000e1?lang=fr").body();

        assertThat(french).containsPattern("<h1 lang=\"en\">Only in English</h1>");
    }

    @Test
    void answersAMissingServiceInThePersonsLanguage() {
        HttpResponse<String> missing = http.get("/services/" + UUID.randomUUID(), "Accept", "text/html", "Accept-Language", "fr");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Nous n’avons pas trouvé cette page");
        assertThat(http.get("/services/not-a-uuid", "Accept", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void keepsPublicPagesFreeOfCookies() {
        UUID id = jdbc.sql("select id from services limit 1").query(UUID.class).single();
        for (String path : new String[] {"/services", "/services?q=refuge&lang=fr", "/services/" + id}) {
            assertThat(http.get(path).headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    private long count(String path) {
        HttpResponse<String> page = http.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        Matcher matcher = COUNT.matcher(page.body().replace("No service found", "0 "));
        assertThat(matcher.find()).as("a count on " + path).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private long dbCount(String condition) {
        return jdbc.sql("select count(*) from services where status in ('active', 'temporarily closed') and " + condition)
                .query(Long.class).single();
    }
}
