package ca.passerelle.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens with which a partner system acts for a staff member through the API: 256 random bits,
 * shown once, kept only as a SHA-256, revocable at once. A token carries its member's roles as
 * they are at each request, so disabling the account or changing its roles applies to it too.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "psl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JdbcClient acrossOrganisations;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, @Qualifier("applicationPool") DataSource applicationPool, Accounts accounts, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.acrossOrganisations = JdbcClient.create(applicationPool);
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token as its owner sees it in their list: never the token itself. */
    public record ApiToken(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** Creates a token for the member's organisation and returns it, the only time it is ever shown; empty without a name. */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    @Transactional
    public Optional<String> create(StaffMember member, String name, Actor actor) {
        String given = name == null ? "" : name.strip();
        if (given.isEmpty() || given.length() > 80) {
            return Optional.empty();
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        audit.record(AuditEvent.granted(actor, "api-token.create", member.organisation(), "api-token", id));
        jdbc.sql("""
                        insert into api_tokens (id, account, organisation, name, token_hash, created_at)
                        values (:id, :account, :organisation, :name, :hash, :now)""")
                .param("id", id).param("account", member.account()).param("organisation", member.organisation())
                .param("name", given).param("hash", digest(token))
                .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS))).update();
        return Optional.of(token);
    }

    @PreAuthorize("hasAuthority('SIGNED_IN')")
    public List<ApiToken> of(StaffMember member) {
        return jdbc.sql("""
                        select id, name, created_at, last_used_at, revoked_at from api_tokens
                        where account = :account and organisation = :organisation order by created_at desc""")
                .param("account", member.account()).param("organisation", member.organisation())
                .query((row, n) -> new ApiToken(row.getObject("id", UUID.class), row.getString("name"),
                        row.getTimestamp("created_at").toInstant(), instant(row.getTimestamp("last_used_at")),
                        instant(row.getTimestamp("revoked_at"))))
                .list();
    }

    /** Revokes one of the member's own tokens: the next request that carries it is refused. */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    @Transactional
    public boolean revoke(StaffMember member, UUID token, Actor actor) {
        int revoked = jdbc.sql("""
                        update api_tokens set revoked_at = :now
                        where id = :id and account = :account and organisation = :organisation and revoked_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("id", token).param("account", member.account())
                .param("organisation", member.organisation()).update();
        audit.record(revoked == 1 ? AuditEvent.granted(actor, "api-token.revoke", member.organisation(), "api-token", token)
                : AuditEvent.refused(actor, "api-token.revoke", member.organisation(), "api-token", token));
        return revoked == 1;
    }

    /** The staff member a presented token acts for, with their roles now; empty for an unknown, revoked or disabled one. */
    Optional<StaffMember> memberOf(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        record Found(UUID id, UUID account, UUID organisation) {
        }
        Optional<Found> found = acrossOrganisations.sql("""
                        select id, account, organisation from api_tokens where token_hash = :hash and revoked_at is null""")
                .param("hash", digest(token))
                .query((row, n) -> new Found(row.getObject("id", UUID.class), row.getObject("account", UUID.class),
                        row.getObject("organisation", UUID.class)))
                .optional();
        return found.flatMap(match -> accounts.standingOf(match.account(), match.organisation())
                .filter(standing -> standing.enabled() && !standing.roles().isEmpty())
                .map(standing -> {
                    acrossOrganisations.sql("update api_tokens set last_used_at = :now where id = :id")
                            .param("now", Timestamp.from(clock.instant())).param("id", match.id()).update();
                    return new StaffMember(match.account(), match.organisation(), "api-token " + match.id(),
                            standing.roles());
                }));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
