package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ca.passerelle.PasserelleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile refuses to start beside anything meant for a demonstration. */
@DisabledIfSystemProperty(named = "passerelle.test.db.url", matches = ".+", disabledReason = "starts its own embedded servers")
class ProductionProfileIntegrationTests {

    static final String KEY = "--passerelle.audit.key=" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String ENCRYPTION_KEY = "--passerelle.encryption.key=" + Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void refusesToRunWithDemoData(@TempDir Path data) {
        assertThatThrownBy(() -> start(data, true, KEY, ENCRYPTION_KEY, "--passerelle.demo=true").close())
                .hasStackTraceContaining("The production profile never runs with demo data");
    }

    @Test
    void refusesToSealTheAuditTrailWithTheDevelopmentKey(@TempDir Path data) {
        assertThatThrownBy(() -> start(data, true, ENCRYPTION_KEY, "--passerelle.demo=false").close())
                .hasStackTraceContaining("Set PASSERELLE_AUDIT_KEY");
    }

    @Test
    void refusesToKeepPersonalDataUnderAKeyItMadeItself(@TempDir Path data) {
        assertThatThrownBy(() -> start(data, true, KEY, "--passerelle.demo=false").close())
                .hasStackTraceContaining("Set PASSERELLE_ENCRYPTION_KEY");
    }

    @Test
    void refusesADatabaseThatHeldDemoAccounts(@TempDir Path data) {
        start(data, false, "--passerelle.demo=true").close();

        assertThatThrownBy(() -> start(data, true, KEY, ENCRYPTION_KEY, "--passerelle.demo=false").close())
                .hasStackTraceContaining("This database holds demo accounts");
    }

    private static ConfigurableApplicationContext start(Path data, boolean production, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--passerelle.database.url=",
                "--passerelle.database.data-dir=" + data, "--spring.profiles.active=" + (production ? "production" : "default")));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(PasserelleApplication.class).run(arguments.toArray(String[]::new));
    }
}
