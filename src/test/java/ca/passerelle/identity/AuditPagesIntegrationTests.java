package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail as administrators read it: each organisation its own, the platform all of it and its seal. */
@IntegrationTest
class AuditPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsAnOrganisationAdministratorTheirOrganisationsTrailOnly() {
        StaffSession.signIn(port, "directory-curator@boreale.example");
        StaffSession.signIn(port, jdbc, "case-manager@aurore.example");
        StaffSession administrator = StaffSession.signIn(port, jdbc, "organisation-administrator@aurore.example");

        String trail = administrator.get("/app/audit").body();

        assertThat(trail).contains("Audit trail of your organisation", "case-manager, Maison Aurore (démo)", "Sign-in")
                .doesNotContain("Clinique Boréale", "Check that the trail is intact");
    }

    @Test
    void letsThePlatformAdministratorReadEverythingAndCheckTheSeal() {
        StaffSession.signIn(port, "directory-curator@boreale.example");
        StaffSession platform = StaffSession.signIn(port, jdbc, "platform-administrator@passerelle.example");

        assertThat(platform.get("/app/audit").body()).contains("Audit trail of the whole network", "Clinique Boréale");
        var checked = platform.submit("/app/audit", "/app/audit/verification", Map.of());

        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).containsPattern("The trail is intact: [\\d,]+ entries checked");
    }

    @Test
    void speaksFrenchToAFrenchSpeakingAdministrator() {
        StaffSession administrator = StaffSession.signIn(port, jdbc, "organisation-administrator@boreale.example");

        assertThat(administrator.get("/app/audit?lang=fr").body()).contains("Journal d’audit de votre organisme", "Connexion");
        assertThat(administrator.get("/app/roles?lang=fr").body())
                .contains("Répondant·e de la ligne d’urgence", "Orienter une personne vers un autre organisme");
    }
}
