package ca.passerelle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * WCAG 2.1 AA checked in the page as a person's browser renders it, by axe-core (the npm package,
 * fetched by the build into {@code target/axe-core}).
 */
public final class Accessibility {

    private static final String RULES = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

    private Accessibility() {
    }

    /**
     * Makes axe-core available in every page of the context; an init script is not held to the
     * page's CSP. {@link Browser} does it for every context it opens.
     */
    static void enable(BrowserContext context) {
        Path script = Path.of(System.getProperty("axe.script", "target/axe-core/package/axe.min.js"));
        try {
            context.addInitScript(Files.readString(script));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is fetched by the build (mvn generate-test-resources): " + script, e);
        }
    }

    /** Fails with each WCAG 2.1 A/AA violation axe-core finds in the page as it is now. */
    public static void assertNoViolations(Page page) {
        assertThat(violations(page)).as("axe-core violations on %s", page.url()).isEmpty();
    }

    /** Each WCAG 2.1 A/AA violation axe-core finds in the page as it is now: what, how bad, and where. */
    public static List<?> violations(Page page) {
        return (List<?>) page.evaluate("async () => {"
                + " const result = await axe.run(document, { runOnly: { type: 'tag', values: " + RULES + " } });"
                + " return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "   + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
    }
}
