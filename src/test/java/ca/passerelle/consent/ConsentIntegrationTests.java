package ca.passerelle.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.UUID;

import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.SchemaOwner;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker records what a person agrees to share, with whom and for what, prints it for them in
 * French or English, and withdraws it when they change their mind. A consent is never erased.
 */
@IntegrationTest
class ConsentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void recordsAConsentAndPrintsItsSummaryInFrenchAndEnglishWithoutTheName() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "intake-coordinator@cedre.example");
        String person = recordPerson(worker, "Ilinca Consentante");

        HttpResponse<String> recorded = worker.submit(worker.form("/app/persons/" + person + "/consents/new?lang=en", "form.stacked")
                .set("categories", "IDENTITY", "NEEDS").set("recipients", organisation("Clinique Boréale"))
                .set("purpose", "REFERRAL").set("givenAs", "SPOKEN"));

        assertThat(recorded.statusCode()).isEqualTo(302);
        String page = worker.get(redirection(recorded) + "&lang=en").body();
        assertThat(page).contains("Consent recorded", "Active until", "Identity", "Needs", "Clinique Boréale (démo)")
                .doesNotContain("No consent is recorded");
        String consent = page.replaceAll("(?s).*/consents/([0-9a-f-]{36})/summary.*", "$1");

        String french = worker.get("/app/persons/" + person + "/consents/" + consent + "/summary?lang=fr").body();
        assertThat(french).contains("Ce que vous avez accepté", "le nom que vous nous avez donné", "Clinique Boréale (démo)",
                "pour qu’ils puissent vous offrir leurs services", "Vous pouvez changer d’avis")
                .doesNotContain("Ilinca", "votre santé");
        String english = worker.get("/app/persons/" + person + "/consents/" + consent + "/summary?lang=en").body();
        assertThat(english).contains("What you agreed to", "what you need help with", "You can change your mind")
                .doesNotContain("Ilinca");
    }

    @Test
    void withdrawingKeepsTheConsentButEndsIt() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "case-manager@cedre.example");
        String person = recordPerson(worker, "Ruth Changeant");
        worker.submit(worker.form("/app/persons/" + person + "/consents/new", "form.stacked")
                .set("categories", "CONTACT").set("recipients", organisation("Maison Aurore")).set("givenAs", "WRITTEN"));
        String consent = worker.get("/app/persons/" + person).body().replaceAll("(?s).*/consents/([0-9a-f-]{36})/withdraw.*", "$1");

        HttpResponse<String> withdrawn = worker.submit(worker.form("/app/persons/" + person + "?lang=en",
                "form[action$='/consents/" + consent + "/withdraw']"));

        assertThat(withdrawn.statusCode()).isEqualTo(302);
        String page = worker.get(redirection(withdrawn) + "&lang=en").body();
        assertThat(page).contains("Consent withdrawn", "Withdrawn on").doesNotContain("/withdraw\"");
        assertThat(worker.get("/app/persons/" + person + "/consents/" + consent + "/summary?lang=en").body())
                .contains("This consent no longer applies");
        assertThat(jdbc.sql("select count(*) from consents where id = :id and withdrawn_at is not null")
                .param("id", UUID.fromString(consent)).query(Long.class).single()).isEqualTo(1);
        assertThat(SchemaOwner.sql(context).sql("select count(*) from audit_trail where action = 'consent.withdraw' and record_id = :id")
                .param("id", consent).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesAnIncompleteConsentInTheWorkersLanguageAndWritesNothing() {
        StaffSession worker = StaffSession.signIn(port, jdbc, "hotline-operator@cedre.example");
        String person = recordPerson(worker, "Sans Réponse");
        long before = jdbc.sql("select count(*) from consents").query(Long.class).single();

        HttpResponse<String> refused = worker.submit(worker.form("/app/persons/" + person + "/consents/new?lang=fr", "form.stacked")
                .set("expiresOn", "2001-01-01").set("recipients", UUID.randomUUID().toString()));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Cochez au moins un type de renseignement", "Choisissez les organismes dans la liste",
                "Indiquez comment le consentement a été donné", "Donnez une date entre aujourd’hui et dans deux ans")
                .contains("value=\"2001-01-01\"");
        assertThat(jdbc.sql("select count(*) from consents").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void noOtherOrganisationReachesAPersonsConsents() {
        StaffSession owner = StaffSession.signIn(port, jdbc, "case-manager@aurore.example");
        String person = recordPerson(owner, "Personne Gardée");
        owner.submit(owner.form("/app/persons/" + person + "/consents/new", "form.stacked")
                .set("categories", "NEEDS").set("recipients", organisation("Refuge Cèdre")).set("givenAs", "SPOKEN"));
        String consent = owner.get("/app/persons/" + person).body().replaceAll("(?s).*/consents/([0-9a-f-]{36})/summary.*", "$1");
        StaffSession stranger = StaffSession.signIn(port, jdbc, "case-manager@boreale.example");

        assertThat(stranger.get("/app/persons/" + person + "/consents/" + consent + "/summary").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/app/persons/" + person + "/consents/new").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from consents where id = :id and withdrawn_at is null")
                .param("id", UUID.fromString(consent)).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("update consents set categories = '{HEALTH}' where id = :id")
                .param("id", UUID.fromString(consent)).update())
                .as("a consent is withdrawn, never rewritten").isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from consents where id = :id").param("id", UUID.fromString(consent)).update())
                .as("nor erased").isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    /** Where an answer sends the browser, without the part after {@code #}, which never reaches the server. */
    private static String redirection(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "").replaceAll("#.*", "");
    }

    private String recordPerson(StaffSession worker, String name) {
        String location = worker.submit(worker.form("/app/persons/new", "form[action$='/app/persons']").set("chosenName", name))
                .headers().firstValue("Location").orElseThrow();
        return location.replaceAll(".*/app/persons/([0-9a-f-]{36}).*", "$1");
    }

    private String organisation(String name) {
        return jdbc.sql("select id::text from network_organisations where name like :name").param("name", name + "%")
                .query(String.class).single();
    }
}
