package ca.passerelle.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * A real headless Chromium driven by Playwright: the machine's own Chromium (Debian's
 * {@code /usr/bin/chromium}, or {@code PASSERELLE_CHROMIUM}), offline, one per test class.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
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

    /** A fresh browser profile whose preferred language is {@code locale} (e.g. {@code fr-CA}). */
    public BrowserContext newContext(String locale) {
        return chromium.newContext(new NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
    }

    /** A fresh profile whose JavaScript is off, as some people and some phones have it. */
    public BrowserContext newContextWithoutJavaScript(String locale) {
        return chromium.newContext(new NewContextOptions().setLocale(locale).setViewportSize(1280, 900).setJavaScriptEnabled(false));
    }

    /** A fresh profile on a small phone screen, 360 CSS pixels wide. */
    public BrowserContext newPhoneContext(String locale) {
        return chromium.newContext(new NewContextOptions().setLocale(locale).setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
