package ca.passerelle.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ca.passerelle.support.Accessibility;
import ca.passerelle.support.Browser;
import ca.passerelle.support.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole loop in a real browser, in French and in English: a hotline operator records a
 * person and their consent, finds the services that meet their needs and refers them to two
 * organisations; one declines, the other accepts, serves and completes; the operator's timeline
 * shows every step, and the declined referral offers other services.
 */
@IntegrationTest
class ReferralLoopBrowserTests {

    private static final String BOREALE = "Clinique Boréale (démo)";
    private static final String CEDRE = "Refuge Cèdre (démo)";

    /** What each step is called in each language. */
    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "fr", Map.ofEntries(
                    Map.entry("name", "Nom ou pseudonyme"), Map.entry("record", "Inscrire"),
                    Map.entry("record-consent", "Enregistrer un consentement"), Map.entry("spoken", "De vive voix"),
                    Map.entry("identity", "Identité"), Map.entry("needs", "Besoins"),
                    Map.entry("save-consent", "Enregistrer ce consentement"), Map.entry("refer", "Orienter vers un service"),
                    Map.entry("near", "Près de"), Map.entry("search", "Chercher près de là"), Map.entry("routine", "Courante"),
                    Map.entry("reason", "Pourquoi vous orientez la personne"), Map.entry("send", "Envoyer les orientations"),
                    Map.entry("sent", "2 orientations envoyées."), Map.entry("decline", "Refuser"), Map.entry("accept", "Accepter"),
                    Map.entry("start", "La personne est prise en charge"), Map.entry("complete", "Service terminé"),
                    Map.entry("outcome", "Résultat (facultatif)"), Map.entry("declined", "Refusée"), Map.entry("viewed", "Consultée"),
                    Map.entry("accepted", "Acceptée"), Map.entry("in-service", "En cours de service"),
                    Map.entry("completed", "Terminée"), Map.entry("alternatives", "D’autres services à essayer"),
                    Map.entry("no-capacity", "Pas de place"), Map.entry("sent-state", "Envoyée")),
            "en", Map.ofEntries(
                    Map.entry("name", "Name or alias"), Map.entry("record", "Record"),
                    Map.entry("record-consent", "Record a consent"), Map.entry("spoken", "Spoken"),
                    Map.entry("identity", "Identity"), Map.entry("needs", "Needs"),
                    Map.entry("save-consent", "Record this consent"), Map.entry("refer", "Refer to a service"),
                    Map.entry("near", "Near"), Map.entry("search", "Search near there"), Map.entry("routine", "Routine"),
                    Map.entry("reason", "Why you refer the person"), Map.entry("send", "Send the referrals"),
                    Map.entry("sent", "2 referrals sent."), Map.entry("decline", "Decline"), Map.entry("accept", "Accept"),
                    Map.entry("start", "The person is now being served"), Map.entry("complete", "Service completed"),
                    Map.entry("outcome", "Outcome (optional)"), Map.entry("declined", "Declined"), Map.entry("viewed", "Viewed"),
                    Map.entry("accepted", "Accepted"), Map.entry("in-service", "In service"),
                    Map.entry("completed", "Completed"), Map.entry("alternatives", "Other services to try"),
                    Map.entry("no-capacity", "No capacity"), Map.entry("sent-state", "Sent")));

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void aPersonIsReferredToTwoOrganisationsAndTheLoopClosesBeforeTheOperatorsEyes(String language) {
        Map<String, String> words = WORDS.get(language);
        String name = language.equals("fr") ? "Amira Boucle" : "Amira Loop";
        try (BrowserContext operatorContext = browser.newContext(language + "-CA");
                BrowserContext clinicContext = browser.newContext(language + "-CA");
                BrowserContext shelterContext = browser.newContext(language + "-CA")) {
            Page operator = signIn(operatorContext, "hotline-operator@aurore.example", language);

            operator.navigate(url("/app/persons/new"));
            operator.getByLabel(words.get("name")).fill(name);
            operator.locator("select[name=province]").selectOption("AB");
            operator.locator("input[name=needs][value=health]").check();
            operator.locator("input[name=needs][value=short-term-housing]").check();
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.get("record")).setExact(true)).click();
            operator.waitForURL(address -> address.contains("?recorded"));
            String person = operator.url().replaceAll(".*/app/persons/([0-9a-f-]{36}).*", "$1");

            operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(words.get("record-consent"))).click();
            Accessibility.assertNoViolations(operator);
            operator.getByLabel(words.get("identity"), new Page.GetByLabelOptions().setExact(false)).first().check();
            operator.locator("input[name=categories][value=NEEDS]").check();
            operator.getByLabel(BOREALE).check();
            operator.getByLabel(CEDRE).check();
            operator.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(words.get("spoken")).setExact(true)).check();
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.get("save-consent"))).click();
            Accessibility.assertNoViolations(operator);

            operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(words.get("refer"))).click();
            operator.getByLabel(words.get("near"), new Page.GetByLabelOptions().setExact(true)).fill("Calgary");
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.get("search"))).click();
            Accessibility.assertNoViolations(operator);
            operator.locator("li.candidate:has-text('" + BOREALE + "') input[name=services]").first().check();
            operator.locator("li.candidate:has-text('" + CEDRE + "') input[name=services]").first().check();
            operator.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(words.get("routine")).setExact(true)).check();
            operator.getByLabel(words.get("reason")).fill("Safe housing and a health check");
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.get("send"))).click();
            assertThat(operator.getByRole(AriaRole.STATUS).first().textContent()).contains(words.get("sent"));
            Accessibility.assertNoViolations(operator);

            operator.navigate(url("/app/referrals?person=" + person));
            String toClinic = referralTo(operator, BOREALE);
            String toShelter = referralTo(operator, CEDRE);

            Page clinic = signIn(clinicContext, "case-manager@boreale.example", language);
            clinic.navigate(url("/app/referrals/inbox"));
            Accessibility.assertNoViolations(clinic);
            clinic.navigate(url("/app/referrals/" + toClinic));
            assertThat(clinic.locator("main").textContent()).contains(name);
            Accessibility.assertNoViolations(clinic);
            clinic.locator("#decline-reason").selectOption("NO_CAPACITY");
            clinic.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.get("decline"))).click();
            assertThat(clinic.locator("#referral-status").textContent()).isEqualTo(words.get("declined"));

            Page shelter = signIn(shelterContext, "case-manager@cedre.example", language);
            shelter.navigate(url("/app/referrals/" + toShelter));
            shelter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.get("accept")).setExact(true)).click();
            assertThat(shelter.locator("#referral-status").textContent()).isEqualTo(words.get("accepted"));
            shelter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.get("start"))).click();
            shelter.getByLabel(words.get("outcome")).fill("Housed for three months");
            shelter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(words.get("complete"))).click();
            assertThat(shelter.locator("#referral-status").textContent()).isEqualTo(words.get("completed"));

            operator.navigate(url("/app/referrals/" + toClinic));
            assertThat(timeline(operator)).containsExactly(words.get("sent-state"), words.get("viewed"), words.get("declined"));
            assertThat(operator.locator(".timeline").textContent()).contains(words.get("no-capacity"));
            assertThat(operator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(words.get("alternatives"))).count())
                    .isEqualTo(1);
            Accessibility.assertNoViolations(operator);
            operator.navigate(url("/app/referrals/" + toShelter));
            assertThat(timeline(operator)).containsExactly(words.get("sent-state"), words.get("viewed"), words.get("accepted"),
                    words.get("in-service"), words.get("completed"));
            assertThat(operator.locator(".timeline").textContent()).contains("Housed for three months");
        }
    }

    private Page signIn(BrowserContext context, String email, String language) {
        return Browser.signIn(context, url(""), jdbc, email, language);
    }

    /** The referral on the operator's board that goes to this organisation. */
    private static String referralTo(Page board, String organisation) {
        Locator row = board.locator("tr:has-text('" + organisation + "') a[href*='/app/referrals/']").first();
        return row.getAttribute("href").replaceAll(".*/app/referrals/([0-9a-f-]{36}).*", "$1");
    }

    private static List<String> timeline(Page page) {
        return page.locator(".timeline li strong").allTextContents();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
