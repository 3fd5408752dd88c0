package ca.passerelle.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import ca.passerelle.support.HtmlForm;
import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.SchemaOwner;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker records the people their organisation supports: what could identify them is ciphertext
 * in the database, found again by name without the database ever seeing it, read only by their
 * own organisation, and every reading is audited.
 */
@IntegrationTest
class PersonIntegrationTests {

    private static final String CANARY_NAME = "Canari Zéphyrine";
    private static final String CANARY_CONTACT = "+1 514 555 0199 canari";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void recordsAPersonWhoseIdentifyingDetailsAreCiphertextAtRest() {
        StaffSession operator = StaffSession.signIn(port, jdbc, "hotline-operator@aurore.example");
        HtmlForm form = operator.form("/app/persons/new?lang=en", "form[action$='/app/persons']")
                .set("chosenName", CANARY_NAME).set("birthYear", "1999").set("gender", "woman").set("languages", "tl", "en")
                .set("province", "QC").set("contactChannel", "TEXT_MESSAGE").set("safeContact", CANARY_CONTACT)
                .set("contactTimes", "weekday mornings canari").set("needs", "short-term-housing", "legal-aid");

        HttpResponse<String> recorded = operator.submit(form);

        assertThat(recorded.statusCode()).isEqualTo(302);
        String page = recorded.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(page.replaceAll(".*/app/persons/([0-9a-f-]{36}).*", "$1"));
        String shown = operator.get("/app/persons/" + id + "?lang=en").body();
        assertThat(shown).contains(CANARY_NAME, CANARY_CONTACT, "Tagalog", "1999", "By text message");

        String row = SchemaOwner.sql(context).sql("select p::text from persons p where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(row).doesNotContain("Canari", "canari", "Zéphyrine", "Zephyrine", "514 555", "1999", "weekday")
                .contains("tl", "short-term-housing");
        assertThat(SchemaOwner.sql(context).sql("select count(*) from audit_trail where record_id = :id and action in ('person.record', 'person.read')"
                        + " and outcome = 'granted'").param("id", id.toString()).query(Long.class).single())
                .isEqualTo(2);
        assertThat(SchemaOwner.sql(context).sql("select string_agg(a::text, ' ') from audit_trail a").query(String.class).single())
                .doesNotContain("Canari", "canari", "514 555");
    }

    @Test
    void findsAPersonByAnyWordOfTheirNameHoweverItIsTyped() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "intake-coordinator@aurore.example");
        worker.submit(worker.form("/app/persons/new", "form[action$='/app/persons']").set("chosenName", "Marie-Ève Tremblay"));

        assertThat(worker.get("/app/persons?name=marie+eve&lang=en").body()).contains("Marie-Ève Tremblay");
        assertThat(worker.get("/app/persons?name=TREMBLAY&lang=en").body()).contains("Marie-Ève Tremblay");
        assertThat(worker.get("/app/persons?name=Tremblais&lang=en").body()).doesNotContain("Marie-Ève Tremblay")
                .contains("No one recorded here has that name.");
    }

    @Test
    void answersAnotherOrganisationsPersonExactlyLikeOneThatDoesNotExistAndAuditsTheAttempt() {
        StaffSession aurore = StaffSession.signIn(port, jdbc, "case-manager@aurore.example");
        String page = aurore.submit(aurore.form("/app/persons/new", "form[action$='/app/persons']").set("chosenName", "Personne Aurore"))
                .headers().firstValue("Location").orElseThrow();
        String id = page.replaceAll(".*/app/persons/([0-9a-f-]{36}).*", "$1");
        StaffSession boreale = StaffSession.signIn(port, jdbc, "case-manager@boreale.example");

        HttpResponse<String> theirs = boreale.get("/app/persons/" + id);
        String nobody = UUID.randomUUID().toString();
        HttpResponse<String> nobodys = boreale.get("/app/persons/" + nobody);

        assertThat(theirs.statusCode()).isEqualTo(404).isEqualTo(nobodys.statusCode());
        assertThat(Http.sameness(theirs.body(), id)).isEqualTo(Http.sameness(nobodys.body(), nobody));
        assertThat(boreale.get("/app/persons").body()).doesNotContain("Personne Aurore");
        assertThat(boreale.get("/app/persons?name=aurore").body()).doesNotContain("Personne Aurore");
        assertThat(jdbc.sql("""
                        select count(*) from audit_trail a join network_organisations o on o.id = a.organisation
                        where a.record_id = :id and a.action = 'person.read' and a.outcome = 'refused' and o.name like 'Maison Aurore%'""")
                .param("id", id).query(Long.class).single())
                .as("audited under the organisation that was tried").isEqualTo(1);
    }

    @Test
    void refusesDetailsThatCannotBeRecordedInThePersonsLanguageAndWritesNothing() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "hotline-operator@boreale.example");
        long before = jdbc.sql("select count(*) from persons").query(Long.class).single();

        HttpResponse<String> refused = worker.submit(worker.form("/app/persons/new?lang=fr", "form[action$='/app/persons']")
                .set("chosenName", "  ").set("birthYear", "quatre-vingt-dix-neuf").set("contactChannel", "PHONE"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Donnez un nom ou un pseudonyme", "Donnez une année de naissance comme 1998")
                .contains("value=\"quatre-vingt-dix-neuf\"");
        assertThat(jdbc.sql("select count(*) from persons").query(Long.class).single()).isEqualTo(before);

        HttpResponse<String> noSafeNumber = worker.submit(worker.form("/app/persons/new?lang=fr", "form[action$='/app/persons']")
                .set("chosenName", "Ana").set("contactChannel", "PHONE"));
        assertThat(noSafeNumber.body()).contains("Donnez un numéro ou une adresse sûrs");
        assertThat(jdbc.sql("select count(*) from persons").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void keepsPeopleAwayFromRolesThatDoNotRecordThem() {
        StaffSession curator = StaffSession.signIn(port, "directory-curator@boreale.example");

        assertThat(curator.get("/app/persons").statusCode()).isEqualTo(403);
        assertThat(curator.get("/app/persons/new").statusCode()).isEqualTo(403);
    }
}
