package ca.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.SchemaOwner;
import ca.passerelle.support.StaffSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Breaking the glass: only with the permission, only with a reason, for a bounded time, audited and shown to the owner. */
@IntegrationTest
class BreakGlassIntegrationTests {

    static final String RESEARCHER = "researcher@boreale.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void aPlatformAdministratorOpensAnotherOrganisationsRecordOnlyWithAReasonAndItsAdministratorsSeeIt() {
        String id = jdbc.sql("select id::text from accounts where email = :email").param("email", RESEARCHER)
                .query(String.class).single();
        StaffSession platform = StaffSession.signIn(port, jdbc, "platform-administrator@passerelle.example");

        String asked = platform.get("/app/people/" + id).body();
        assertThat(asked).contains("This record is outside your normal access").doesNotContain(RESEARCHER);

        var tooShort = platform.submit("/app/people/" + id, "/app/people/" + id + "/break-glass", Map.of("reason", "urgent"));
        assertThat(tooShort.body()).contains("Give a reason of at least 10 characters");
        assertThat(platform.get("/app/people/" + id).body()).doesNotContain(RESEARCHER);

        String reason = "Suspected account takeover reported by the hotline";
        var opened = platform.submit("/app/people/" + id, "/app/people/" + id + "/break-glass", Map.of("reason", reason));
        assertThat(opened.statusCode()).isEqualTo(302);
        String record = platform.get("/app/people/" + id).body();
        assertThat(record).contains(RESEARCHER, "Opened by break-glass, until").doesNotContain("Disable this account");
        assertThat(platform.submit("/app", "/app/people/" + id + "/disable", Map.of()).statusCode())
                .as("break-glass reads; it does not manage").isEqualTo(403);

        assertThat(jdbc.sql("""
                        select count(*) from audit_trail
                        where action = 'record.break-glass' and record_id = :id and reason = :reason""")
                .param("id", id).param("reason", reason).query(Long.class).single()).isEqualTo(1);
        StaffSession owner = StaffSession.signIn(port, jdbc, "organisation-administrator@boreale.example");
        assertThat(owner.get("/app/people").body()).contains("Records opened by break-glass", reason,
                "platform-administrator, Passerelle (démo)");

        // half an hour later (the application itself may never change a break-glass row)
        SchemaOwner.sql(context).sql("update break_glass set expires_at = expires_at - interval '31 minutes' where record_id = :id")
                .param("id", id).update();
        assertThat(platform.get("/app/people/" + id).body()).as("after 30 minutes")
                .contains("This record is outside your normal access").doesNotContain(RESEARCHER);
    }

    @Test
    void nobodyWithoutThePermissionCanBreakTheGlass() {
        String id = jdbc.sql("select id::text from accounts where email = :email").param("email", RESEARCHER)
                .query(String.class).single();
        StaffSession otherAdministrator = StaffSession.signIn(port, jdbc, "organisation-administrator@aurore.example");

        assertThat(otherAdministrator.get("/app/people/" + id).statusCode()).isEqualTo(404);
        assertThat(otherAdministrator.submit("/app", "/app/people/" + id + "/break-glass",
                Map.of("reason", "I would like to see it please")).statusCode()).isEqualTo(403);
    }
}
