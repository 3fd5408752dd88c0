package ca.passerelle.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real headless Chromium driven by Playwright: the machine's own Chromium (Debian's
 * {@code /usr/bin/chromium}, or {@code PASSERELLE_CHROMIUM}), offline, one per test class:
 * {@code @RegisterExtension static final Browser browser = new Browser();} opens it before the
 * class's tests and closes it after.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        Path executable = Path.of(System.getenv().getOrDefault("PASSERELLE_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Chromium at " + executable
                    + " (Debian: apt-get install chromium), or PASSERELLE_CHROMIUM set to it");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** A fresh browser profile whose preferred language is {@code locale} (e.g. {@code fr-CA}), axe-core in its pages. */
    public BrowserContext newContext(String locale) {
        return checked(chromium.newContext(new NewContextOptions().setLocale(locale).setViewportSize(1280, 900)));
    }

    /** A fresh profile whose JavaScript is off, as some people and some phones have it. */
    public BrowserContext newContextWithoutJavaScript(String locale) {
        return chromium.newContext(new NewContextOptions().setLocale(locale).setViewportSize(1280, 900).setJavaScriptEnabled(false));
    }

    /** A fresh profile on a small phone screen, 360 CSS pixels wide, axe-core in its pages. */
    public BrowserContext newPhoneContext(String locale) {
        return checked(chromium.newContext(new NewContextOptions().setLocale(locale).setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2)));
    }

    /**
     * A page of the context signed in as a demo account, in this language, through the sign-in
     * pages as a person fills them, with the authenticator's code when the role asks for one. A
     * code is accepted only once, so the account's last one is forgotten first.
     *
     * @param site the application's address, such as {@code http://localhost:8080}
     */
    public static Page signIn(BrowserContext context, String site, JdbcClient jdbc, String email, String language) {
        jdbc.sql("update accounts set last_totp_step = 0 where email = :email").param("email", email).update();
        Page page = context.newPage();
        page.navigate(site + "/login?lang=" + language);
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(IntegrationTest.DEMO_PASSWORD);
        page.locator("main button[type=submit]").first().click();
        page.waitForURL(address -> address.contains("/login/code") || isTheStaffArea(address));
        if (page.url().contains("/login/code")) {
            page.locator("input[name=code]").fill(Authenticator.code(IntegrationTest.DEMO_TOTP_SECRET));
            page.locator("main button[type=submit]").first().click();
            page.waitForURL(Browser::isTheStaffArea);
        }
        return page;
    }

    private static boolean isTheStaffArea(String address) {
        return address.endsWith("/app") || address.contains("/app?");
    }

    /** Every page a test opens can be {@link Accessibility#assertNoViolations checked}. */
    private static BrowserContext checked(BrowserContext context) {
        Accessibility.enable(context);
        return context;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        chromium.close();
        playwright.close();
    }
}
