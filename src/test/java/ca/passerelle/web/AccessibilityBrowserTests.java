package ca.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.passerelle.support.Accessibility;
import ca.passerelle.support.Browser;
import ca.passerelle.support.IntegrationTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * WCAG 2.1 AA on the pages no journey test walks through, in French and English: the public
 * directory, and each staff role's own pages, as axe-core finds them in a real browser.
 */
@IntegrationTest
class AccessibilityBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyPageOfTheDirectoryAndOfEachRoleMeetsWcag21AA(String language) {
        Map<String, List<?>> violations = new LinkedHashMap<>();
        try (BrowserContext context = browser.newContext(language + "-CA")) {
            Page page = context.newPage();
            check(page, "/services?q=refuge&lang=" + language, violations);
            page.locator(".result h3 a").first().click();
            check(page, null, violations);
            check(page, "/hsds/profile?lang=" + language, violations);
            check(page, "/login?lang=" + language, violations);
        }
        try (BrowserContext context = browser.newContext(language + "-CA")) {
            Page curator = signIn(context, IntegrationTest.CURATOR_USERNAME, language);
            check(curator, "/app", violations);
            check(curator, "/app/directory?domain=short-term-housing", violations);
            curator.locator(".result h3 a").first().click();
            String service = curator.url();
            check(curator, null, violations);
            check(curator, service + "/edit", violations);
            check(curator, "/app/directory/import", violations);
            check(curator, "/app/account", violations);
        }
        try (BrowserContext context = browser.newContext(language + "-CA")) {
            Page operator = signIn(context, "hotline-operator@aurore.example", language);
            check(operator, "/app/match?domain=legal-aid&domain=short-term-housing&place=Calgary&radius=50", violations);
            check(operator, "/app/persons", violations);
            check(operator, "/app/persons/new", violations);
            check(operator, "/app/referrals", violations);
            check(operator, "/app/notices", violations);
        }
        try (BrowserContext context = browser.newContext(language + "-CA")) {
            Page administrator = signIn(context, "platform-administrator@passerelle.example", language);
            check(administrator, "/app/organisations", violations);
            check(administrator, "/app/audit", violations);
            check(administrator, "/app/roles", violations);
        }
        try (BrowserContext context = browser.newContext(language + "-CA")) {
            Page administrator = signIn(context, "organisation-administrator@aurore.example", language);
            check(administrator, "/app/people", violations);
            check(administrator, "/app/people/invite", violations);
        }
        assertThat(violations).as("axe-core violations, by page").allSatisfy((where, found) -> assertThat(found).as(where).isEmpty());
    }

    /** Opens the page (null: the one shown) and keeps what axe-core finds wrong with it. */
    private void check(Page page, String path, Map<String, List<?>> violations) {
        if (path != null) {
            page.navigate(path.startsWith("http") ? path : url(path));
        }
        assertThat(page.locator("body").textContent()).as(page.url()).doesNotContain("??");
        violations.put(page.url(), Accessibility.violations(page));
    }

    private Page signIn(BrowserContext context, String email, String language) {
        return Browser.signIn(context, url(""), jdbc, email, language);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
