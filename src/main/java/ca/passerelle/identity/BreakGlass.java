package ca.passerelle.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Opening a record outside one's normal access, in an emergency: only with the permission, only
 * by giving a reason, for {@link #LASTS}; audited with the reason, and shown to the record's
 * organisation's administrators.
 */
@Service
public class BreakGlass {

    public static final Duration LASTS = Duration.ofMinutes(30);
    public static final int SHORTEST_REASON = 10;
    static final String OPEN = "record.break-glass";
    private static final Duration NOTICES_FOR = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    BreakGlass(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A break-glass opening as the record's organisation's administrators see it. */
    public record Notice(String openedBy, String recordType, String recordName, String reason, Instant openedAt) {
    }

    /**
     * Opens {@code recordId} of {@code owner} to {@code member} until the instant returned; empty,
     * with nothing opened, when the reason is too short to say anything.
     */
    @PreAuthorize("hasAuthority('PERMISSION_BREAK_GLASS')")
    public Optional<Instant> open(StaffMember member, String recordType, UUID recordId, UUID owner, String reason,
            Actor actor) {
        String given = reason == null ? "" : reason.strip();
        if (given.codePointCount(0, given.length()) < SHORTEST_REASON) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant until = now.plus(LASTS);
        audit.record(AuditEvent.granted(actor, OPEN, owner, recordType, recordId).because(given));
        jdbc.sql("""
                        insert into break_glass (id, account, organisation, record_type, record_id, reason, opened_at, expires_at)
                        values (:id, :account, :owner, :type, :record, :reason, :now, :until)""")
                .param("id", UUID.randomUUID()).param("account", member.account()).param("owner", owner)
                .param("type", recordType).param("record", recordId.toString()).param("reason", given)
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).update();
        return Optional.of(until);
    }

    /** Until when {@code member} holds an open break-glass access to the record, if they do. */
    Optional<Instant> openUntil(StaffMember member, String recordType, UUID recordId) {
        return jdbc.sql("""
                        select max(expires_at) from break_glass
                        where account = :account and record_type = :type and record_id = :record and expires_at > :now""")
                .param("account", member.account()).param("type", recordType).param("record", recordId.toString())
                .param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** The break-glass openings of the organisation's records in the last 30 days, newest first. */
    @PreAuthorize("hasAuthority('PERMISSION_MANAGE_MEMBERS')")
    public List<Notice> noticesFor(UUID organisation) {
        return jdbc.sql("""
                        select a.display_name, b.record_type, coalesce(r.display_name, b.record_id), b.reason, b.opened_at
                        from break_glass b
                        join accounts a on a.id = b.account
                        left join accounts r on b.record_type = 'account' and r.id::text = b.record_id
                        where b.organisation = :organisation and b.opened_at > :since order by b.opened_at desc""")
                .param("organisation", organisation).param("since", Timestamp.from(clock.instant().minus(NOTICES_FOR)))
                .query((row, n) -> new Notice(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant()))
                .list();
    }
}
