package ca.passerelle.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ca.passerelle.shared.InterfaceLanguage;
import ca.passerelle.support.Accessibility;
import ca.passerelle.support.Browser;
import ca.passerelle.support.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public finder in a real browser: in French, in Arabic, in every language, without JavaScript, and its quick exit. */
@IntegrationTest
class FinderBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Refusals refusals;

    @Test
    void aFrenchSpeakerFindsLegalAidNearMontrealAndReadsWhyEachServiceIsThere() {
        try (BrowserContext context = browser.newContext("fr-CA")) {
            Page page = context.newPage();
            page.navigate(url("/"));
            Accessibility.assertNoViolations(page);

            page.getByLabel("Aide juridique").check();
            page.getByLabel("Où êtes-vous?").fill("montreal");
            page.getByLabel("À quelle distance?").selectOption("25");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();

            assertThat(page.locator("#results-heading").textContent()).startsWith("Services trouvés près de Montréal");
            assertThat(page.locator(".result").count()).isPositive();
            assertThat(page.locator(".result").first().locator(".reasons").textContent()).contains("km");
            assertThat(page.getByLabel("Aide juridique").isChecked()).as("the form shows what was asked").isTrue();
            Accessibility.assertNoViolations(page);
            assertThat(context.cookies()).as("the finder leaves no cookie").isEmpty();
        }
    }

    /** Whether an element shows in the window as it is scrolled, or comes to within two seconds. */
    private static boolean isOnScreen(Page page, String selector) {
        // the browser scrolls to the address's #fragment once the page is laid out, a frame or two after it loads
        try {
            page.waitForFunction("""
                    selector => {
                        const box = document.querySelector(selector).getBoundingClientRect();
                        return box.bottom > 0 && box.top < window.innerHeight;
                    }""", selector, new Page.WaitForFunctionOptions().setTimeout(2_000));
            return true;
        } catch (TimeoutError notShown) {
            return false;
        }
    }

    /**
     * Whether an element's first character is drawn left of its last: a number must not be reordered
     * right to left, nor a name in English inside an Arabic page.
     */
    private static final String READS_LEFT_TO_RIGHT = """
            element => {
                const text = element.firstChild;
                const range = document.createRange();
                range.setStart(text, 0);
                range.setEnd(text, 1);
                const first = range.getBoundingClientRect().left;
                range.setStart(text, text.length - 1);
                range.setEnd(text, text.length);
                return first < range.getBoundingClientRect().left;
            }""";

    @Test
    void anArabicSpeakerGetsTheFinderRightToLeftAndAnswersInArabic() {
        try (BrowserContext context = browser.newContext("ar")) {
            Page page = context.newPage();
            page.navigate(url("/"));

            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ar");
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.evaluate("getComputedStyle(document.body).direction")).isEqualTo("rtl");
            assertThat(page.locator("h1").textContent()).isEqualTo("ابحث عن المساعدة في أي مكان في كندا");
            assertThat(page.locator(".hotline a").evaluate(READS_LEFT_TO_RIGHT)).as("the hotline's number, digits in the order dialled")
                    .isEqualTo(true);

            page.getByLabel("الصحة").check();
            page.getByLabel("السلامة الفورية").check();
            page.getByLabel("أين أنت؟").fill("Toronto");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ابحث")).click();

            assertThat(page.locator("#results-heading").textContent()).contains("Toronto");
            assertThat(page.locator(".result").first().locator(".reasons").textContent()).contains("كم");
            for (ElementHandle name : page.querySelectorAll(".result h3 a")) {
                assertThat(name.evaluate(READS_LEFT_TO_RIGHT)).as("%s, as the directory writes it", name.textContent())
                        .isEqualTo(true);
            }
            assertThat(page.locator(".result .reasons li").allTextContents()).as("when a service opens or closes, as Arabic writes it")
                    .anyMatch(reason -> reason.matches(".*\\d{1,2}:\\d\\d [صم].*"))
                    .noneMatch(reason -> reason.contains("a.m.") || reason.contains("p.m."));
            Accessibility.assertNoViolations(page);
        }
    }

    @Test
    void everyInterfaceLanguageIsOneClickAwayAndComplete() {
        try (BrowserContext context = browser.newContext("en-CA")) {
            Page page = context.newPage();
            page.navigate(url("/?domain=immigration&place=Vancouver&radius=50"));
            for (InterfaceLanguage language : InterfaceLanguage.values()) {
                page.locator("nav.languages").getByText(language.nativeName(), new Locator.GetByTextOptions()
                        .setExact(true)).click();

                assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language.tag());
                assertThat(page.locator("html").getAttribute("dir")).isEqualTo(language.direction());
                assertThat(page.locator("body").textContent()).as("no untranslated key in %s", language).doesNotContain("??");
                assertThat(page.url()).as("the search is kept").contains("place=Vancouver");
                assertThat(page.locator(".result").count()).isPositive();
                Accessibility.assertNoViolations(page);
            }
        }
    }

    @Test
    void aPlaceMistypedAtNightIsOneClickFromItsSearch() {
        try (BrowserContext context = browser.newContext("fr-CA")) {
            Page page = context.newPage();
            page.navigate(url("/?lang=fr"));

            page.getByLabel("Hébergement à court terme").check();
            page.getByLabel("Où êtes-vous?").fill("Tornto");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();

            assertThat(page.locator("[role=alert]").textContent()).contains("« Tornto »").contains("Vouliez-vous dire :");
            Accessibility.assertNoViolations(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Toronto (ON)")).click();

            assertThat(page.locator("#results-heading").textContent()).contains("Toronto");
            assertThat(page.getByLabel("Où êtes-vous?").inputValue()).isEqualTo("Toronto, ON");
            assertThat(page.getByLabel("Hébergement à court terme").isChecked()).isTrue();
        }
    }

    @Test
    void worksWithoutJavaScriptAndOffersWhatWouldFindSomethingWhenNothingMatches() {
        try (BrowserContext context = browser.newContextWithoutJavaScript("en-CA")) {
            Page page = context.newPage();
            page.navigate(url("/"));

            page.getByLabel("Legal aid").check();
            page.getByLabel("Where are you?").fill("Iqaluit");
            page.getByLabel("How far?").selectOption("10");
            page.locator("summary").click();
            page.getByLabel("open 24/7").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

            assertThat(page.locator("[role=status]").textContent()).contains("No service matches everything you asked for");
            page.locator("[role=status] a").first().click();

            assertThat(page.locator(".result").count()).isPositive();
        }
    }

    @Test
    void aWorkerAskingForSeveralNeedsIsShownWhereToFindTheOnesNothingNearbyCovers() {
        try (BrowserContext context = browser.newContext("en-CA")) {
            Page page = context.newPage();
            page.navigate(url("/?domain=short-term-housing&domain=legal-aid&domain=health&place=Sudbury&radius=50"));

            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("None of the services found covers: Health, Legal aid.");
            Accessibility.assertNoViolations(page);
            page.getByRole(AriaRole.STATUS).getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("Legal aid"))
                    .getByRole(AriaRole.LINK).click();

            assertThat(page.locator(".bundle li").allTextContents()).as("the shelter in town, legal aid farther")
                    .hasSize(2).anyMatch(service -> service.contains("covers: Legal aid"));
            assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("None of the services found covers: Health.");
            Accessibility.assertNoViolations(page);
        }
    }

    @Test
    void aPersonTurnedAwayUnderLoadReadsWhyInTheirLanguageAndCanCallTheHotline() {
        for (InterfaceLanguage language : List.of(InterfaceLanguage.AR, InterfaceLanguage.ES)) {
            try (BrowserContext context = browser.newContext(language.tag())) {
                Page page = context.newPage();
                // the page a refused search receives, served where the search was asked
                page.route(url("/?domain=health&place=Halifax"), route -> route.fulfill(new Route.FulfillOptions().setStatus(503)
                        .setContentType("text/html;charset=UTF-8").setBodyBytes(refusals.page(Refusals.Why.BUSY, language))));
                page.navigate(url("/?domain=health&place=Halifax"));

                assertThat(page.locator("h1").textContent()).contains("Passerelle");
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("1-833-900-1010")).getAttribute("href"))
                        .isEqualTo("tel:+18339001010");
                assertThat(page.locator(".quick-exit").isVisible()).isTrue();
                Accessibility.assertNoViolations(page);
            }
        }
    }

    @Test
    void quickExitLeavesForANeutralSiteAndBackDoesNotReturnToTheResults() {
        try (BrowserContext context = browser.newContext("en-CA")) {
            context.route("https://weather.gc.ca/**", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200).setContentType("text/html").setBody("<title>Weather</title><p>Weather</p>")));
            Page page = context.newPage();
            page.navigate(url("/?lang=en"));
            page.getByLabel("Where are you?").fill("Halifax");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page.url()).contains("place=Halifax");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quick exit")).click();
            page.waitForURL("https://weather.gc.ca/**");
            page.goBack();

            assertThat(page.url()).as("the results page was replaced in the history").doesNotContain("place=Halifax");
        }
    }

    @Test
    void fitsASmallPhoneWithoutSidewaysScrolling() {
        try (BrowserContext context = browser.newPhoneContext("es")) {
            Page page = context.newPage();
            page.navigate(url("/?domain=health&place=Winnipeg"));

            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("es");
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
            assertThat(page.evaluate("""
                    document.querySelector('.result') !== null && [...document.querySelectorAll('.result')].every(card => {
                        const box = card.getBoundingClientRect(), name = card.querySelector('h3').getBoundingClientRect();
                        return name.left - box.left >= 12 && box.right - name.right >= 12;
                    })""")).as("each result's words stand clear of its card's border").isEqualTo(true);

            page.getByLabel("Salud").uncheck();
            page.getByLabel("Asistencia jurídica").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buscar")).click();
            assertThat(page.url()).contains("domain=legal-aid").endsWith("#results");
            assertThat(isOnScreen(page, "#results-heading")).as("the answer, not the form above it, is what shows").isTrue();
            page.getByLabel("¿Dónde está?").fill("Winipeg");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buscar")).click();
            assertThat(isOnScreen(page, "[role=alert]")).as("so is a refusal").isTrue();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Salida rápida")).isVisible()).isTrue();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
