package ca.passerelle.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.passerelle.support.Browser;
import ca.passerelle.support.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The directory in a real browser: a survivor searching in French, a worker in English, a curator updating capacity. */
@IntegrationTest
class DirectoryBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aFrenchSpeakerFindsShelterOpenAroundTheClockAndOpensItsPage() {
        try (BrowserContext context = browser.newContext("fr-CA")) {
            Page page = context.newPage();
            page.navigate(url("/"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trouver des services")).click();
            assertThat(page.locator("h1").textContent()).isEqualTo("Trouver des services");
            if (page.locator("details.filter-panel[open]").count() == 0) {
                page.locator("summary").click();
            }
            page.getByLabel("Hébergement à court terme").check();
            page.getByLabel("Ouvert 24 heures sur 24, 7 jours sur 7").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Appliquer les filtres")).click();

            assertThat(page.locator("#results-heading").textContent()).contains("services trouvés");
            assertThat(page.locator(".result").first().textContent()).contains("Ouvert 24 h sur 24, 7 j sur 7");
            page.locator(".result h3 a").first().click();

            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Comment joindre ce service maintenant"))
                    .isVisible()).isTrue();
            assertThat(page.locator("a[href^='tel:']").first().isVisible()).isTrue();
            assertThat(context.cookies()).as("no cookie on the public pages").isEmpty();
        }
    }

    @Test
    void anEnglishSpeakerSearchesByWordsAndSwitchesToFrenchOnTheSamePage() {
        try (BrowserContext context = browser.newContext("en-CA")) {
            Page page = context.newPage();
            page.navigate(url("/services"));
            page.getByLabel("Words to search for").fill("immigration lawyer");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();

            assertThat(page.locator(".result").count()).isPositive();
            page.locator(".result h3 a").first().click();
            String englishTitle = page.locator("h1").textContent();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Français")).click();

            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(page.locator("h1").textContent()).isNotEqualTo(englishTitle);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Heures d’ouverture")).isVisible()).isTrue();
        }
    }

    @Test
    void aCuratorSignsInAndConfirmsCapacityInOneClick() {
        try (BrowserContext context = browser.newContext("en-CA")) {
            Page page = context.newPage();
            page.navigate(url("/app/directory?lang=en&domain=short-term-housing"));
            page.getByLabel("E-mail address").fill(IntegrationTest.CURATOR_USERNAME);
            page.getByLabel("Password").fill(IntegrationTest.DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.navigate(url("/app/directory?domain=short-term-housing"));
            page.locator(".result h3 a").first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("The figures are still correct")).click();

            assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("Capacity updated");
            assertThat(page.locator(".capacity-panel .age").textContent()).isEqualTo("updated just now");
        }
    }

    @Test
    void theDirectoryFitsAPhone() {
        try (BrowserContext context = browser.newPhoneContext("fr-CA")) {
            Page page = context.newPage();
            page.navigate(url("/services?q=refuge"));
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
            page.locator(".result h3 a").first().click();
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(360);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
