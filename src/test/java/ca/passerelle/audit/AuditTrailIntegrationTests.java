package ca.passerelle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;

import ca.passerelle.audit.Verification.Break;
import ca.passerelle.audit.Verification.Kind;
import ca.passerelle.support.IntegrationTest;
import ca.passerelle.support.SchemaOwner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class AuditTrailIntegrationTests {

    static final UUID ORGANISATION = UUID.randomUUID();

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient application;

    @Autowired
    ApplicationContext context;

    JdbcClient superuser;

    @BeforeEach
    void startFromFiveRecordedActions() {
        superuser = SchemaOwner.sql(context);
        superuser.sql("truncate audit_trail").update();
        var actor = new Actor(UUID.randomUUID(), ORGANISATION, "192.0.2.10");
        for (int i = 1; i <= 5; i++) {
            trail.record(AuditEvent.granted(actor, "record.read", ORGANISATION, "record", "R" + i));
        }
    }

    @AfterEach
    void forgetWhoReads() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void findsAnUntouchedTrailIntact() {
        assertThat(trail.verify()).isEqualTo(new Verification(5, Optional.empty()));
    }

    @Test
    void letsOnlyAuditReadersReadTheTrail() {
        assertThatThrownBy(() -> trail.latest(Optional.empty(), Optional.empty(), 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("curator", null,
                "PERMISSION_CURATE_DIRECTORY"));
        assertThatThrownBy(() -> trail.latest(Optional.empty(), Optional.empty(), 10))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void readsTheNewestEntriesOfAnOrganisationFirst() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("auditor", null,
                "PERMISSION_AUDIT_NETWORK"));
        trail.record(AuditEvent.refused(Actor.anonymous("192.0.2.99"), "record.read", UUID.randomUUID(), "record", "X"));

        assertThat(trail.latest(Optional.of(ORGANISATION), Optional.empty(), 3))
                .extracting(AuditEntry::recordId).containsExactly("R5", "R4", "R3");
        assertThat(trail.latest(Optional.empty(), Optional.of(6L), 10)).hasSize(5);
        assertThat(trail.latest(Optional.empty(), Optional.empty(), 1).getFirst().outcome())
                .isEqualTo(AuditEvent.Outcome.REFUSED);
    }

    @Test
    void letsTheApplicationAddRowsButNeverChangeOrRemoveOne() {
        assertThat(application.sql("select current_user").query(String.class).single()).isEqualTo("passerelle_app");
        assertThatThrownBy(() -> application.sql("update audit_trail set action = 'nothing' where position = 2").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> application.sql("delete from audit_trail where position = 2").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> application.sql("truncate audit_trail").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void findsARowEditedBySuperuser() {
        superuser.sql("update audit_trail set record_id = 'someone else' where position = 3").update();

        assertThat(trail.verify()).isEqualTo(new Verification(3, Optional.of(new Break(3, Kind.ALTERED))));
    }

    @Test
    void findsARowDeletedBySuperuser() {
        superuser.sql("delete from audit_trail where position = 2").update();

        assertThat(trail.verify().firstBreak()).contains(new Break(3, Kind.MISSING));
    }

    @Test
    void findsRowsPutInAnotherOrderBySuperuser() {
        superuser.sql("update audit_trail set position = -position where position in (2, 4)").update();
        superuser.sql("update audit_trail set position = case position when -2 then 4 else 2 end where position < 0").update();

        assertThat(trail.verify().firstBreak()).contains(new Break(2, Kind.ALTERED));
    }

    @Test
    void findsARowThatNoLongerFollowsTheOneBeforeIt() {
        // Rows 3 to 5 put back after a different, genuinely sealed row 2: each row still matches its
        // seal, but row 3 was sealed after another row.
        superuser.sql("create table audit_trail_kept as select * from audit_trail where position >= 3").update();
        superuser.sql("delete from audit_trail where position >= 2").update();
        trail.record(AuditEvent.granted(Actor.anonymous("192.0.2.66"), "record.read", ORGANISATION, "record", "R2bis"));
        superuser.sql("insert into audit_trail select * from audit_trail_kept").update();
        superuser.sql("drop table audit_trail_kept").update();

        assertThat(trail.verify().firstBreak()).contains(new Break(3, Kind.OUT_OF_ORDER));
    }
}
