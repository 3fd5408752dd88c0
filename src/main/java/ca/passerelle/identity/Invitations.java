package ca.passerelle.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import jakarta.annotation.security.PermitAll;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Joining the network: a platform administrator creates an organisation and invites its first
 * administrator; an organisation administrator invites their people. An invitation is a link that
 * works once, for {@link #VALID_FOR}; accepting it sets the person's password, and their second
 * factor is set up at their first sign-in when a role needs one.
 */
@Service
public class Invitations {

    public static final Duration VALID_FOR = Duration.ofHours(72);
    static final String INVITE = "invitation.create";
    static final String ACCEPT = "invitation.accept";
    static final String CREATE_ORGANISATION = "organisation.create";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    Invitations(JdbcClient jdbc, Accounts accounts, PasswordEncoder passwords, PasswordPolicy policy, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new invitation's token, to pass on as a link; it is shown once and never stored. */
    public record Invitation(String token, String email, Instant expiresAt) {
    }

    /** An invitation as the invited person sees it before accepting. */
    public record Pending(String organisationName, String email, String displayName, Set<Role> roles) {
    }

    /** An organisation administrator invites someone into their own organisation. */
    @PreAuthorize("hasAuthority('PERMISSION_MANAGE_MEMBERS')")
    @Transactional
    public Invitation invite(StaffMember administrator, String displayName, String email, Set<Role> roles, Actor actor) {
        Refusal.unlessGivable(roles);
        return create(administrator, administrator.organisation(), displayName, email, roles, actor);
    }

    /** A platform administrator creates an organisation and invites its first administrator. */
    @PreAuthorize("hasAuthority('PERMISSION_MANAGE_ORGANISATIONS')")
    @Transactional
    public Invitation createOrganisation(StaffMember platformAdministrator, String name, String administratorName,
            String administratorEmail, Actor actor) {
        if (name == null || name.isBlank()) {
            throw new Refusal("organisations.refused.name");
        }
        UUID organisation = accounts.createOrganisation(name.strip(), false, clock.instant());
        audit.record(AuditEvent.granted(actor, CREATE_ORGANISATION, organisation, "organisation", organisation));
        return create(platformAdministrator, organisation, administratorName, administratorEmail,
                EnumSet.of(Role.ORGANISATION_ADMINISTRATOR), actor);
    }

    private Invitation create(StaffMember inviter, UUID organisation, String displayName, String email, Set<Role> roles,
            Actor actor) {
        if (displayName == null || displayName.isBlank()) {
            throw new Refusal("people.invite.refused.name");
        }
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new Refusal("people.invite.refused.email");
        }
        if (accounts.byEmail(email).isPresent()) {
            throw new Refusal("people.invite.refused.exists");
        }
        String token = OneTimeSecrets.token();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(VALID_FOR);
        jdbc.sql("""
                        insert into invitations (token_hash, organisation, email, display_name, roles, invited_by, created_at, expires_at)
                        values (:hash, :organisation, :email, :name, :roles, :by, :now, :expires)""")
                .param("hash", OneTimeSecrets.hashOf(token)).param("organisation", organisation).param("email", email.strip())
                .param("name", displayName.strip()).param("roles", roles.stream().map(Role::slug).toArray(String[]::new))
                .param("by", inviter.account()).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
        audit.record(AuditEvent.granted(actor, INVITE, organisation, "organisation", organisation));
        return new Invitation(token, email.strip(), expiresAt);
    }

    /** The invitation behind {@code token}, if it is still waiting and has not expired. */
    @PermitAll
    public Optional<Pending> pending(String token) {
        return jdbc.sql("""
                        select o.name, i.email, i.display_name, i.roles from invitations i
                        join network_organisations o on o.id = i.organisation
                        where i.token_hash = :hash and i.accepted_at is null and i.expires_at > :now""")
                .param("hash", OneTimeSecrets.hashOf(token)).param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> new Pending(row.getString(1), row.getString(2), row.getString(3),
                        roles((String[]) row.getArray(4).getArray())))
                .optional();
    }

    /**
     * Accepts the invitation with the person's chosen password: creates their account, once. A
     * refused password changes nothing, and the link still works.
     */
    @PermitAll
    @Transactional
    public boolean accept(String token, String password, String address) {
        Optional<Pending> pending = pending(token);
        if (pending.isEmpty()) {
            return false;
        }
        policy.refusal(password, pending.get().email()).ifPresent(refusal -> {
            throw new Refusal(refusal);
        });
        Instant now = clock.instant();
        var claimed = jdbc.sql("""
                        update invitations set accepted_at = :now
                        where token_hash = :hash and accepted_at is null and expires_at > :now
                        returning organisation""")
                .param("now", Timestamp.from(now)).param("hash", OneTimeSecrets.hashOf(token)).query(UUID.class).optional();
        if (claimed.isEmpty()) {
            return false;
        }
        UUID account = accounts.createAccount(pending.get().email(), pending.get().displayName(), passwords.encode(password),
                null, false, now);
        accounts.addMembership(account, claimed.get(), pending.get().roles());
        jdbc.sql("update invitations set account = :account where token_hash = :hash")
                .param("account", account).param("hash", OneTimeSecrets.hashOf(token)).update();
        audit.record(AuditEvent.granted(new Actor(account, claimed.get(), address), ACCEPT, claimed.get(), "account", account));
        return true;
    }

    /** The organisations of the network, for a platform administrator. */
    @PreAuthorize("hasAuthority('PERMISSION_MANAGE_ORGANISATIONS')")
    public List<String> organisationNames() {
        return jdbc.sql("select name from network_organisations order by lower(name)").query(String.class).list();
    }

    private static Set<Role> roles(String[] slugs) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String slug : slugs) {
            roles.add(Role.ofSlug(slug));
        }
        return roles;
    }
}
