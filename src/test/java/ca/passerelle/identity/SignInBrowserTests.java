package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ca.passerelle.support.Accessibility;
import ca.passerelle.support.Authenticator;
import ca.passerelle.support.Browser;
import ca.passerelle.support.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing in in a real browser: the password, the authenticator's code, the pause after failures, forged forms. */
@IntegrationTest
class SignInBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFrenchSpeakingOperatorSignsInWithTheCodeFromTheirAppAndSignsOut() {
        String email = "hotline-operator@boreale.example";
        jdbc.sql("update accounts set last_totp_step = 0 where email = :email").param("email", email).update();
        try (BrowserContext context = browser.newContext("fr-CA")) {
            Page page = context.newPage();
            page.navigate(url("/app"));
            assertThat(page.locator("h1").textContent()).isEqualTo("Connexion à l’espace intervenants");
            Accessibility.assertNoViolations(page);
            page.getByLabel("Adresse courriel").fill(email);
            page.getByLabel("Mot de passe").fill(IntegrationTest.DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();

            assertThat(page.locator("h1").textContent()).isEqualTo("Entrez votre code de connexion");
            Accessibility.assertNoViolations(page);
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill("123456");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();
            assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("Ce code n’est pas exact");
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                    .fill(Authenticator.code(IntegrationTest.DEMO_TOTP_SECRET));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuer")).click();

            assertThat(page.locator("h1").textContent()).isEqualTo("Espace intervenants");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trouver des services")).count()).isPositive();
            assertThat(page.getByText("Journal d’audit").count()).as("not an operator's tile").isZero();
            assertThat(context.cookies().getFirst().httpOnly).isTrue();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("déconnecté");
            page.navigate(url("/app"));
            assertThat(page.url()).endsWith("/login");
        }
    }

    @Test
    void anEnglishSpeakerIsPausedAfterFiveWrongPasswordsWithoutLearningWhetherTheAccountExists() {
        try (BrowserContext context = browser.newContext("en-CA")) {
            Page page = context.newPage();
            for (int attempt = 0; attempt <= SignInThrottle.PER_ACCOUNT; attempt++) {
                page.navigate(url("/login"));
                page.getByLabel("E-mail address").fill("intake-coordinator@boreale.example");
                page.getByLabel("Password").fill(attempt < SignInThrottle.PER_ACCOUNT ? "guess-number-" + attempt
                        : IntegrationTest.DEMO_PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                assertThat(page.getByRole(AriaRole.ALERT).textContent())
                        .isEqualTo("Sign-in failed. Check your e-mail address and password. After several failed attempts,"
                                + " sign-in pauses for 15 minutes.");
            }
            assertThat(page.url()).endsWith("/login?error");
        }
    }

    @Test
    void aFormWhoseTokenWasRemovedIsRefusedAndChangesNothing() {
        try (BrowserContext context = browser.newContext("en-CA")) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.getByLabel("E-mail address").fill(IntegrationTest.CURATOR_USERNAME);
            page.getByLabel("Password").fill(IntegrationTest.DEMO_PASSWORD);
            page.evaluate("document.querySelector('input[name=_csrf]').remove()");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            assertThat(page.locator("h1").textContent()).isEqualTo("This request could not be accepted");
            page.navigate(url("/app"));
            assertThat(page.url()).as("still signed out").endsWith("/login");
        }
    }

    @Test
    void anAdministratorManagesPeopleAndReadsTheTrailOnAPhoneInBothLanguages() {
        String email = "organisation-administrator@boreale.example";
        jdbc.sql("update accounts set last_totp_step = 0 where email = :email").param("email", email).update();
        try (BrowserContext context = browser.newPhoneContext("en-CA")) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.getByLabel("E-mail address").fill(email);
            page.getByLabel("Password").fill(IntegrationTest.DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                    .fill(Authenticator.code(IntegrationTest.DEMO_TOTP_SECRET));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

            for (String path : new String[] {"/app?lang=en", "/app/people", "/app/people/invite", "/app/audit",
                    "/app/roles", "/app/account", "/app/people?lang=fr", "/app/audit", "/app/roles"}) {
                page.navigate(url(path));
                assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                        .as(path + " fits 360 pixels").isLessThanOrEqualTo(360);
                Accessibility.assertNoViolations(page);
            }
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(page.locator("h1").textContent()).isEqualTo("Les rôles et ce qu’ils permettent");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
