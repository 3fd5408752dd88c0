package ca.passerelle.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** What a signed-in person changes about their own account: their password and their recovery codes. */
@Service
public class AccountSettings {

    static final String CHANGE_PASSWORD = "account.change-password";
    static final String NEW_RECOVERY_CODES = "account.new-recovery-codes";

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    AccountSettings(Accounts accounts, PasswordEncoder passwords, PasswordPolicy policy, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the person's account has an authenticator set up (and so recovery codes). */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    public boolean hasSecondFactor(StaffMember member) {
        return accounts.byId(member.account()).map(Account::hasSecondFactor).orElse(false);
    }

    /**
     * Changes the password when the current one is right and the new one acceptable; every other
     * session of the account ends. Returns why it was refused, as a message key, or the instant
     * from which sessions count.
     */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    public PasswordChange changePassword(StaffMember member, String current, String chosen, Actor actor) {
        Account account = accounts.byId(member.account()).orElseThrow();
        if (!passwords.matches(current == null ? "" : current, account.passwordHash())) {
            audit.record(AuditEvent.refused(actor, CHANGE_PASSWORD, member.organisation(), "account", account.id()));
            return new PasswordChange(Optional.of("account.password.wrong-current"), null);
        }
        Optional<String> refusal = policy.refusal(chosen, account.email());
        if (refusal.isPresent()) {
            return new PasswordChange(refusal, null);
        }
        // as PostgreSQL stores it (microseconds), so that this session, renewed from it, is not "before" it
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        audit.record(AuditEvent.granted(actor, CHANGE_PASSWORD, member.organisation(), "account", account.id()));
        accounts.changePassword(account.id(), passwords.encode(chosen), now);
        return new PasswordChange(Optional.empty(), now);
    }

    /** The outcome of a password change: refused with a reason, or done at {@code sessionsFrom}. */
    public record PasswordChange(Optional<String> refusal, Instant sessionsFrom) {
    }

    /** Ten new recovery codes, replacing the old ones, for an account with an authenticator. */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    public List<String> newRecoveryCodes(StaffMember member, Actor actor) {
        if (!hasSecondFactor(member)) {
            return List.of();
        }
        audit.record(AuditEvent.granted(actor, NEW_RECOVERY_CODES, member.organisation(), "account", member.account()));
        return accounts.issueRecoveryCodes(member.account());
    }
}
