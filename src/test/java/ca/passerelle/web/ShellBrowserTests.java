package ca.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.passerelle.support.Browser;
import ca.passerelle.support.IntegrationTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ShellBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void greetsAFrenchBrowserInFrenchAndSwitchesToEnglish() {
        try (var context = browser.newContext("fr-CA")) {
            Page page = context.newPage();
            page.navigate(url("/"));

            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fr");
            assertThat(page.locator("h1").textContent()).isEqualTo("Trouver de l’aide, partout au Canada");

            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("English")).click();

            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            assertThat(page.locator("h1").textContent()).isEqualTo("Find help, anywhere in Canada");
            assertThat(context.cookies()).as("public pages leave no cookie").isEmpty();
        }
    }

    @Test
    void letsAKeyboardUserSkipStraightToTheContent() {
        try (var context = browser.newContext("en-CA")) {
            Page page = context.newPage();
            page.navigate(url("/"));

            page.keyboard().press("Tab");
            assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Skip to content");
            page.keyboard().press("Enter");
            assertThat(page.evaluate("location.hash")).isEqualTo("#main");
        }
    }

    @Test
    void fitsA360PixelPhoneWithoutSidewaysScrolling() {
        try (var context = browser.newPhoneContext("fr-CA")) {
            Page page = context.newPage();
            page.navigate(url("/"));

            int contentWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            assertThat(contentWidth).isLessThanOrEqualTo(360);
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Rechercher")).isVisible()).isTrue();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
