package ca.passerelle;

import java.util.List;

import ca.passerelle.audit.AuditTrail;
import ca.passerelle.audit.Verification;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Passerelle, the pan-Canadian platform of the anti-trafficking network. Each direct sub-package is
 * one capability (a Spring Modulith module); this package holds only the application's wiring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PasserelleApplication {

    /** {@code java -jar passerelle.jar verify-audit}: checks the audit trail's chain and exits 0 if intact. */
    static final String VERIFY_AUDIT = "verify-audit";

    public static void main(String[] args) {
        if (List.of(args).contains(VERIFY_AUDIT)) {
            var context = new SpringApplicationBuilder(PasserelleApplication.class)
                    // the whole application, as it runs, on a port of its own beside the one serving
                    .properties("server.port=0", "passerelle.demo=false", "logging.level.root=warn")
                    .run(args);
            Verification verification = context.getBean(AuditTrail.class).verify();
            System.out.println(verification);
            System.exit(SpringApplication.exit(context, () -> verification.intact() ? 0 : 1));
        }
        SpringApplication.run(PasserelleApplication.class, args);
    }
}
