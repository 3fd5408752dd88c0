package ca.passerelle.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import ca.passerelle.support.Http;
import ca.passerelle.support.HtmlForm;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Curators keep the directory true through its forms; bad input changes nothing; a stale form says so. */
@IntegrationTest
class CurationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    StaffSession curator;
    Http visitor;

    @BeforeEach
    void signIn() {
        curator = StaffSession.signIn(port);
        visitor = new Http(port);
    }

    @Test
    void aCuratorAddsAnOrganisationAndAServiceThatEveryoneFindsAtOnce() {
        String organization = addOrganisation("Maison Aurore-Boréale " + UUID.randomUUID().toString().substring(0, 6));

        HtmlForm service = curator.form("/app/directory/services/new?organization=" + organization, "form.curation")
                .set("recordLanguage", "fr")
                .set("nameFr", "Halte-accueil Aurore").set("nameEn", "Aurora drop-in centre")
                .set("descriptionFr", "Accueil de jour, café et douches.").set("descriptionEn", "Day drop-in, coffee and showers.")
                .set("domains", "material-needs", "immediate-safety")
                .set("noStatusRequired", "true")
                .set("minimumAge", "18")
                .set("phone", "(418) 555-0199")
                .set("days[0].opens1", "08:00").set("days[0].closes1", "16:00")
                .set("languages", "fr", "en", "es")
                .set("address", "12 rue des Glaciers").set("city", "Sept-Îles").set("province", "QC")
                .set("postalCode", "g4r 1a1").set("latitude", "50.2169").set("longitude", "-66.3810")
                .set("area", "LOCAL");
        HttpResponse<String> saved = curator.submit(service);

        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(visitor.get("/services?lang=en&q=aurora&province=QC").body()).contains("Aurora drop-in centre");
        assertThat(visitor.get("/services?lang=fr&q=halte").body()).contains("Halte-accueil Aurore");
        String page = visitor.get("/services/" + id + "?lang=en").body();
        assertThat(page).contains("Day drop-in, coffee and showers.").contains("12 rue des Glaciers").contains("G4R 1A1")
                .contains("Spanish");
        assertThat(visitor.get("/hsds/services/" + id).body()).contains("Halte-accueil Aurore").contains("Aurora drop-in centre")
                .contains("translation.en.name");
    }

    @Test
    void showsEveryProblemInTheCuratorsLanguageAndSavesNothing() {
        String organization = addOrganisation("Organisme à valider " + UUID.randomUUID().toString().substring(0, 6));
        long before = jdbc.sql("select count(*) from services").query(Long.class).single();

        HtmlForm service = curator.form("/app/directory/services/new?organization=" + organization + "&lang=fr", "form.curation")
                .set("recordLanguage", "fr")
                .set("nameFr", "").set("nameEn", "A name only in English")
                .clear("domains")
                .set("minimumAge", "30").set("maximumAge", "12")
                .set("email", "not an address")
                .set("days[2].opens1", "09:00")
                .set("postalCode", "12345").set("city", "Laval").set("province", "QC")
                .set("latitude", "48.85").set("longitude", "2.35");
        HttpResponse<String> refused = curator.submit(service, "Accept-Language", "fr");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Veuillez corriger ce qui suit")
                .contains("Donnez le nom dans la langue principale de la fiche.")
                .contains("Choisissez au moins un besoin")
                .contains("L’âge maximal ne peut pas être inférieur à l’âge minimal.")
                .contains("Ce n’est pas une adresse courriel")
                .contains("Donnez l’heure d’ouverture et l’heure de fermeture.")
                .contains("Un code postal canadien a la forme A1A 1A1.")
                .contains("Cette position n’est pas au Canada.");
        assertThat(refused.body()).as("what was typed stays in the form").contains("A name only in English");
        assertThat(jdbc.sql("select count(*) from services").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void refusesAStaleFormAndKeepsTheFirstSave() {
        UUID id = jdbc.sql("select id from services where status = 'active' order by id desc limit 1").query(UUID.class).single();
        StaffSession colleague = StaffSession.signIn(port);
        HtmlForm first = curator.form("/app/directory/services/" + id + "/edit", "form.curation");
        HtmlForm second = colleague.form("/app/directory/services/" + id + "/edit", "form.curation");
        String language = first.value("recordLanguage");
        String nameField = language.equals("fr") ? "nameFr" : "nameEn";

        assertThat(curator.submit(first.set(nameField, "Saved first")).statusCode()).isEqualTo(302);
        HttpResponse<String> late = colleague.submit(second.set(nameField, "Saved too late"));

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("Someone else saved this record after you opened it");
        assertThat(jdbc.sql("select name from services where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Saved first");
    }

    @Test
    void updatesCapacityInOneClickAndEveryoneSeesHowOldTheFigureIs() {
        UUID id = jdbc.sql("select id from services where capacity_maximum > 2 and capacity_available between 1 and capacity_maximum - 1 limit 1")
                .query(UUID.class).single();
        int available = jdbc.sql("select capacity_available from services where id = :id").param("id", id).query(Integer.class).single();
        String page = "/app/directory/services/" + id;

        HttpResponse<String> taken = curator.submit(oneClick(page, "taken"));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select capacity_available from services where id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo(available - 1);
        assertThat(curator.get(page).body()).contains("Capacity updated.");
        assertThat(visitor.get("/services/" + id + "?lang=en").body()).contains("updated just now");

        curator.submit(curator.form(page, "form.figures").set("available", "0").set("maximum", "9"));
        assertThat(visitor.get("/services/" + id + "?lang=fr").body()).contains("0 lits libres sur 9").contains("Complet");

        curator.submit(curator.form(page, "form.figures").set("available", "lots"));
        assertThat(curator.get(page).body()).contains("Those figures could not be read");
        assertThat(jdbc.sql("select capacity_available from services where id = :id").param("id", id).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aCuratorIsToldThatFiguresADayOldNoLongerCountInSearchesUntilConfirmed() {
        UUID id = jdbc.sql("select id from services where capacity_status is not null limit 1").query(UUID.class).single();
        jdbc.sql("update services set capacity_updated = now() - interval '3 days' where id = :id").param("id", id).update();
        String page = "/app/directory/services/" + id;
        assertThat(curator.get(page).body()).contains("Searches no longer count figures a day old");

        curator.submit(oneClick(page, "still-correct"));

        assertThat(curator.get(page).body()).doesNotContain("Searches no longer count figures a day old");
    }

    @Test
    void letsOnlyASignedInCuratorChangeAnything() {
        UUID id = jdbc.sql("select id from services limit 1").query(UUID.class).single();

        String before = capacityOf(id);

        HttpResponse<String> anonymous = visitor.postForm("/app/directory/services/" + id + "/capacity", "change=full");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(visitor.get("/app/directory/services/" + id).headers().firstValue("Location").orElse("")).endsWith("/login");

        HttpResponse<String> forged = curator.postWithoutToken("/app/directory/services/" + id + "/capacity", Map.of("change", "full"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(capacityOf(id)).isEqualTo(before);

        assertThat(StaffSessionAttempt.wrongPassword(port)).contains("error");
    }

    private String capacityOf(UUID id) {
        return jdbc.sql("select concat(capacity_status, capacity_available, capacity_updated) from services where id = :id")
                .param("id", id).query(String.class).single();
    }

    private HtmlForm oneClick(String page, String change) {
        String html = curator.get(page).body();
        org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(html);
        org.jsoup.nodes.Element form = document.selectFirst("form:has(input[name=change][value=" + change + "])");
        assertThat(form).as("a one-click form for " + change).isNotNull();
        return HtmlForm.of(form.outerHtml(), "form");
    }

    private String addOrganisation(String name) {
        HttpResponse<String> saved = curator.submit(curator.form("/app/directory/organizations/new", "form.curation")
                .set("recordLanguage", "fr").set("nameFr", name).set("descriptionFr", "Un organisme fictif pour les tests.")
                .set("phone", "(418) 555-0100"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        return location.replaceAll(".*/organizations/([0-9a-f-]{36})/edit.*", "$1");
    }

    /** Signing in with a wrong password, as someone guessing would. */
    private static final class StaffSessionAttempt {

        static String wrongPassword(int port) {
            Http http = Http.withCookies(port);
            String token = StaffSession.csrfOf(http.get("/login").body());
            return http.postForm("/login", StaffSession.form(Map.of("username", "admin", "password", "guess", "_csrf", token)))
                    .headers().firstValue("Location").orElse("");
        }
    }
}
