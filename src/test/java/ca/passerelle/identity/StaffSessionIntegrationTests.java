package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import ca.passerelle.support.Authenticator;
import ca.passerelle.support.Browser;
import ca.passerelle.support.Http;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.StaffSession;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Staff sessions end on time and travel in cookies no script can read, over TLS only when served over TLS. */
@IntegrationTest
@TestPropertySource(properties = {"passerelle.sessions.idle-timeout=2s", "passerelle.sessions.absolute-timeout=6s"})
class StaffSessionIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void endsSessionsReachingPersonalDataWhenIdleAndEverySessionAtItsAbsoluteLimit() throws InterruptedException {
        StaffSession operator = StaffSession.signIn(port, jdbc, "hotline-operator@boreale.example");
        StaffSession curator = StaffSession.signIn(port, "directory-curator@boreale.example");
        assertThat(operator.get("/app").statusCode()).isEqualTo(200);

        Thread.sleep(Duration.ofSeconds(3));

        assertThat(signInAsked(operator.get("/app"))).as("the operator, idle for 3 s of 2").isTrue();
        assertThat(curator.get("/app").statusCode()).as("the curator, whose role reaches no personal data").isEqualTo(200);

        Thread.sleep(Duration.ofSeconds(4));

        var late = curator.get("/app");
        assertThat(late.headers().firstValue("Location").orElse("")).as("7 s after sign-in, limit 6").endsWith("/login?expired");
    }

    @Test
    void keepsTheSessionCookieFromScriptsAndOtherSitesAndSecureBehindTls() {
        var plain = new Http(port).get("/login");
        var behindTls = new Http(port).get("/login", "X-Forwarded-Proto", "https");

        assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(behindTls.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "Secure");
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=", "includeSubDomains"));
        for (HttpResponse<String> answer : new HttpResponse[] {plain, behindTls}) {
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }

    @Test
    void aBrowserLeftIdleIsAskedToSignInAgainAndSeesWhy() throws InterruptedException {
        String email = "intake-coordinator@aurore.example";
        jdbc.sql("update accounts set last_totp_step = 0 where email = :email").param("email", email).update();
        try (BrowserContext context = browser.newContext("fr-CA")) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.getByLabel("Adresse courriel").fill(email);
            page.getByLabel("Mot de passe").fill(IntegrationTest.DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                    .fill(Authenticator.code(IntegrationTest.DEMO_TOTP_SECRET));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Espace intervenants");

            Thread.sleep(Duration.ofSeconds(3));
            page.navigate("http://localhost:" + port + "/app/match");

            assertThat(page.url()).endsWith("/login?expired");
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).isEqualTo("Votre session a pris fin. Veuillez vous reconnecter.");
        }
    }

    private static boolean signInAsked(HttpResponse<String> answer) {
        return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/login");
    }
}
