package ca.passerelle.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Signing in, in two steps for every role that reaches personal data: a password, then a code from
 * an authenticator app (or a one-time recovery code). Every failure gets the same answer in about
 * the same time, whether the account exists or not, is throttled and is audited.
 */
@Service
public class SignIn {

    static final String ACTION = "account.sign-in";
    static final String SECOND_FACTOR_SET_UP = "account.second-factor-set-up";

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    /** Checked against when no account matches, so that an unknown address takes as long as a known one. */
    private final String unknownAccountHash;

    SignIn(Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** The first step's outcome. */
    public sealed interface Step {
    }

    /** Refused: wrong address or password, a disabled account, or too many recent failures. */
    public record Refused() implements Step {
    }

    /** The password is right; a code from the authenticator comes next. */
    public record CodeNeeded(UUID account) implements Step {
    }

    /** The password is right, but a role needs a second factor the account does not have yet. */
    public record SecondFactorNeeded(UUID account) implements Step {
    }

    /** Signed in. */
    public record SignedIn(StaffMember member) implements Step {
    }

    @PermitAll
    public Step withPassword(String email, String password, String address) {
        Optional<Account> found = email == null ? Optional.empty() : accounts.byEmail(email);
        boolean blocked = throttle.blocked(email, address);
        boolean passwordRight = passwords.matches(password == null ? "" : password,
                found.map(Account::passwordHash).orElse(unknownAccountHash));
        Optional<Membership> membership = found.flatMap(account -> accounts.membershipsOf(account.id()).stream().findFirst());
        if (blocked || !passwordRight || found.isEmpty() || !found.get().enabled() || membership.isEmpty()) {
            throttle.failed(email, address);
            UUID account = found.map(Account::id).orElse(null);
            audit.record(AuditEvent.refused(new Actor(account, null, address), ACTION,
                    membership.map(Membership::organisation).orElse(null), "account", account));
            return new Refused();
        }
        Account account = found.get();
        if (!membership.get().reachesPersonalData()) {
            return signedIn(account, membership.get(), address);
        }
        return account.hasSecondFactor() ? new CodeNeeded(account.id()) : new SecondFactorNeeded(account.id());
    }

    /** The second step: a code from the authenticator app, or one of the account's recovery codes. */
    @PermitAll
    public Optional<StaffMember> withCode(UUID accountId, String code, String address) {
        // read again: the account may have been disabled since its password was checked
        Optional<Account> found = accounts.byId(accountId).filter(Account::enabled);
        Optional<Membership> membership = accounts.membershipsOf(accountId).stream().findFirst();
        boolean accepted = found.isPresent() && !throttle.blocked(found.get().email(), address) && membership.isPresent()
                && (acceptsTotp(found.get(), code)
                        || accounts.useRecoveryCode(accountId, OneTimeSecrets.hashOf(code), clock.instant()));
        if (!accepted) {
            found.ifPresent(account -> throttle.failed(account.email(), address));
            audit.record(AuditEvent.refused(new Actor(accountId, null, address), ACTION,
                    membership.map(Membership::organisation).orElse(null), "account", accountId));
            return Optional.empty();
        }
        return Optional.of(signedIn(found.get(), membership.get(), address).member());
    }

    private boolean acceptsTotp(Account account, String code) {
        OptionalLong step = Totp.matchingStep(account.totpSecret(), code, clock.instant());
        return step.isPresent() && accounts.acceptTotpStep(account.id(), step.getAsLong());
    }

    /** A new authenticator key for an account setting up its second factor. */
    @PermitAll
    public SecondFactorKey newSecondFactorKey(UUID accountId) {
        Account account = accounts.byId(accountId).orElseThrow();
        String secret = Totp.newSecret();
        return new SecondFactorKey(secret, Totp.link("Passerelle", account.email(), secret));
    }

    public record SecondFactorKey(String secret, String link) {
    }

    /**
     * Sets up the second factor once the person proves their app shows the right code for the new
     * key: returns the recovery codes, shown once and kept only as hashes.
     */
    @PermitAll
    public Optional<List<String>> setUpSecondFactor(UUID accountId, String secret, String code, String address) {
        Account account = accounts.byId(accountId).filter(Account::enabled).orElseThrow();
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty() || account.hasSecondFactor()) {
            return Optional.empty();
        }
        accounts.setSecondFactor(accountId, secret, step.getAsLong());
        List<String> codes = accounts.issueRecoveryCodes(accountId);
        UUID organisation = accounts.membershipsOf(accountId).stream().findFirst().map(Membership::organisation).orElse(null);
        audit.record(AuditEvent.granted(new Actor(accountId, organisation, address), SECOND_FACTOR_SET_UP,
                organisation, "account", accountId));
        return Optional.of(codes);
    }

    /** Completes sign-in after setting up the second factor, whose first code was just checked. */
    @PermitAll
    public StaffMember afterSecondFactorSetUp(UUID accountId, String address) {
        Account account = accounts.byId(accountId).filter(Account::enabled).orElseThrow();
        return signedIn(account, accounts.membershipsOf(accountId).getFirst(), address).member();
    }

    private SignedIn signedIn(Account account, Membership membership, String address) {
        throttle.succeeded(account.email());
        audit.record(AuditEvent.granted(new Actor(account.id(), membership.organisation(), address), ACTION,
                membership.organisation(), "account", account.id()));
        return new SignedIn(new StaffMember(account.id(), membership.organisation(), account.displayName(),
                membership.roles()));
    }
}
