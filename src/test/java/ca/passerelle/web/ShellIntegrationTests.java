package ca.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ShellIntegrationTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void answersReadinessWhenReady() {
        var health = http.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void showsOnlyHealthOfTheActuator() {
        assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator/beans").statusCode()).isEqualTo(404);
    }

    @Test
    void speaksFrenchToAFrenchBrowser() {
        var home = http.get("/", "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"fr\"").contains("Trouver de l’aide");
    }

    @Test
    void speaksEnglishToAnyOtherBrowser() {
        assertThat(http.get("/", "Accept-Language", "de-DE,de;q=0.9").body()).contains("<html lang=\"en\"");
        assertThat(http.get("/services", "Accept-Language", "es,en;q=0.8,fr;q=0.5").body())
                .as("beyond the finder, Passerelle speaks French and English").contains("<html lang=\"en\"");
        assertThat(http.get("/").body()).contains("<html lang=\"en\"").contains("Find help, anywhere in Canada");
    }

    @Test
    void followsTheLanguageChosenInTheAddress() {
        var home = http.get("/?lang=fr", "Accept-Language", "en-CA");

        assertThat(home.body()).contains("<html lang=\"fr\"");
        assertThat(home.body()).as("links keep the choice").contains("href=\"/services?lang=fr\"");
        assertThat(home.body()).as("the switch offers English").contains("href=\"/?lang=en\"");
    }

    @Test
    void setsNoCookieOnPublicPages() {
        for (String path : new String[] {"/", "/?lang=fr", "/no-such-page", "/actuator/health"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void protectsEveryPageWithSecurityHeaders() {
        var headers = http.get("/").headers();

        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void explainsAMissingPageInThePersonsLanguage() {
        var french = http.get("/services/nothing/here/at-all", "Accept", "text/html", "Accept-Language", "fr");
        var english = http.get("/services/nothing/here/at-all", "Accept", "text/html", "Accept-Language", "en");

        assertThat(french.statusCode()).isEqualTo(404);
        assertThat(french.body()).contains("<html lang=\"fr\"").contains("Nous n’avons pas trouvé cette page");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\"").contains("We could not find this page");
    }

    @Test
    void sendsStaffToSignInFirst() {
        var staff = http.get("/app");

        assertThat(staff.statusCode()).isEqualTo(302);
        assertThat(staff.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void answersRoutesNobodyDeclaredLikeMissingPages() {
        var undeclared = http.get("/internal/anything", "Accept", "text/html");

        assertThat(undeclared.statusCode()).isEqualTo(404);
        assertThat(undeclared.body()).contains("We could not find this page");
        assertThat(undeclared.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void showsTheSignInPageInBothLanguages() {
        assertThat(http.get("/login?lang=fr").body()).contains("Connexion à l’espace intervenants");
        assertThat(http.get("/login?lang=en").body()).contains("Sign in to the staff area");
    }
}
