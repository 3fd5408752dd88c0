package ca.passerelle.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import ca.passerelle.audit.AuditEvent.Outcome;
import ca.passerelle.audit.Verification.Break;
import ca.passerelle.audit.Verification.Kind;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The audit trail: the one place that writes it, reads it and checks it has not been tampered with.
 * Each row is written on the trail's own connections and committed at once, before the action it
 * records goes on: a refusal stays recorded when the refused request rolls back, and an action
 * whose record cannot be written fails with it.
 */
@Service
public class AuditTrail {

    /** Rows get their place in the chain one at a time, under this transaction-scoped lock. */
    private static final long CHAIN_LOCK = 0x7061737365726CL;

    private final DataSource connections;
    private final JdbcClient jdbc;
    private final Seal seal;
    private final Clock clock;

    AuditTrail(@Qualifier("auditDataSource") DataSource connections, JdbcClient jdbc, Seal seal, Clock clock) {
        this.connections = connections;
        this.jdbc = jdbc;
        this.seal = seal;
        this.clock = clock;
    }

    /** Records {@code event}, or throws {@link AuditFailure} so that the action does not happen. */
    @PermitAll
    public AuditEntry record(AuditEvent event) {
        try (Connection connection = connections.getConnection()) {
            connection.setAutoCommit(false);
            try {
                AuditEntry entry = append(connection, event);
                connection.commit();
                return entry;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AuditFailure("The audit trail could not record " + event.action(), e);
        }
    }

    private AuditEntry append(Connection connection, AuditEvent event) throws SQLException {
        try (var lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            lock.execute();
        }
        long position = 1;
        byte[] previousHash = Seal.GENESIS;
        try (var last = connection.prepareStatement("select position, hash from audit_trail order by position desc limit 1");
                ResultSet row = last.executeQuery()) {
            if (row.next()) {
                position = row.getLong(1) + 1;
                previousHash = row.getBytes(2);
            }
        }
        var entry = AuditEntry.of(position, clock.instant().truncatedTo(ChronoUnit.MICROS), event);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into audit_trail (position, at, actor, actor_organisation, address, action, organisation,
                    record_type, record_id, outcome, reason, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, entry.position());
            insert.setTimestamp(2, Timestamp.from(entry.at()));
            insert.setObject(3, entry.actor());
            insert.setObject(4, entry.actorOrganisation());
            insert.setString(5, entry.address());
            insert.setString(6, entry.action());
            insert.setObject(7, entry.organisation());
            insert.setString(8, entry.recordType());
            insert.setString(9, entry.recordId());
            insert.setString(10, entry.outcome().name().toLowerCase());
            insert.setString(11, entry.reason());
            insert.setBytes(12, previousHash);
            insert.setBytes(13, seal.of(entry, previousHash));
            insert.executeUpdate();
        }
        return entry;
    }

    /**
     * The newest entries first, before position {@code before} when given: every entry, or with an
     * organisation only those about its data or made by its members.
     */
    @PreAuthorize("hasAnyAuthority('PERMISSION_AUDIT_ORGANISATION', 'PERMISSION_AUDIT_NETWORK')")
    public List<AuditEntry> latest(Optional<UUID> organisation, Optional<Long> before, int limit) {
        return jdbc.sql("""
                        select * from audit_trail
                        where (cast(:organisation as uuid) is null
                               or organisation = :organisation or actor_organisation = :organisation)
                          and (cast(:before as bigint) is null or position < :before)
                        order by position desc limit :limit""")
                .param("organisation", organisation.orElse(null))
                .param("before", before.orElse(null))
                .param("limit", limit)
                .query((row, n) -> entryOf(row))
                .list();
    }

    /** Reads the whole chain in order and reports the first row that does not hold. */
    @PermitAll
    public Verification verify() {
        try (Connection connection = connections.getConnection()) {
            connection.setAutoCommit(false); // lets PostgreSQL stream the rows instead of loading them all
            try (var rows = connection.prepareStatement("select * from audit_trail order by position")) {
                rows.setFetchSize(1000);
                try (ResultSet row = rows.executeQuery()) {
                    return verify(row);
                } finally {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw new AuditFailure("The audit trail could not be read", e);
        }
    }

    private Verification verify(ResultSet row) throws SQLException {
        long checked = 0;
        long expectedPosition = 1;
        byte[] expectedPrevious = Seal.GENESIS;
        while (row.next()) {
            checked++;
            AuditEntry entry = entryOf(row);
            byte[] previousHash = row.getBytes("previous_hash");
            byte[] hash = row.getBytes("hash");
            Optional<Kind> broken = !seal.matches(entry, previousHash, hash) ? Optional.of(Kind.ALTERED)
                    : entry.position() != expectedPosition ? Optional.of(Kind.MISSING)
                    : !Arrays.equals(previousHash, expectedPrevious) ? Optional.of(Kind.OUT_OF_ORDER)
                    : Optional.empty();
            if (broken.isPresent()) {
                return new Verification(checked, Optional.of(new Break(entry.position(), broken.get())));
            }
            expectedPosition = entry.position() + 1;
            expectedPrevious = hash;
        }
        return new Verification(checked, Optional.empty());
    }

    private static AuditEntry entryOf(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("position"), row.getTimestamp("at").toInstant(),
                row.getObject("actor", UUID.class), row.getObject("actor_organisation", UUID.class),
                row.getString("address"), row.getString("action"), row.getObject("organisation", UUID.class),
                row.getString("record_type"), row.getString("record_id"),
                Outcome.valueOf(row.getString("outcome").toUpperCase()), row.getString("reason"));
    }
}
