package ca.passerelle.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.audit.Actor;
import ca.passerelle.audit.AuditEvent;
import ca.passerelle.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * An organisation administrator's view of their organisation's people: who they are, their roles,
 * and the switch that disables an account. Only the administrator's own organisation is ever
 * reachable: anyone else is answered as if they did not exist, and the attempt is audited.
 */
@Service
public class Members {

    static final String READ = "members.read";
    static final String DISABLE = "account.disable";
    static final String ENABLE = "account.enable";
    static final String CHANGE_ROLES = "account.change-roles";

    private final Accounts accounts;
    private final BreakGlass breakGlass;
    private final AuditTrail audit;
    private final Clock clock;

    Members(Accounts accounts, BreakGlass breakGlass, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.breakGlass = breakGlass;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One person of the organisation, as their administrator sees them, or as someone who broke the
     * glass sees them until {@code brokenGlassUntil}.
     */
    public record Member(UUID account, String displayName, String email, Set<Role> roles, boolean enabled,
            Optional<Instant> brokenGlassUntil) {
    }

    @PreAuthorize("hasAuthority('PERMISSION_MANAGE_MEMBERS')")
    public List<Member> of(StaffMember administrator, Actor actor) {
        UUID organisation = administrator.organisation();
        audit.record(AuditEvent.granted(actor, READ, organisation, "organisation", organisation));
        return accounts.membersOf(organisation).stream()
                .map(membership -> memberOf(membership, Optional.empty()).orElseThrow())
                .toList();
    }

    /**
     * The member {@code account} of the reader's organisation, or of another one while the reader
     * holds a break-glass access to it; empty for anyone else, as if they did not exist.
     */
    @PreAuthorize("hasAnyAuthority('PERMISSION_MANAGE_MEMBERS', 'PERMISSION_BREAK_GLASS')")
    public Optional<Member> member(StaffMember reader, UUID account, Actor actor) {
        Optional<Instant> brokenGlass = reader.may(Permission.BREAK_GLASS)
                ? breakGlass.openUntil(reader, "account", account) : Optional.empty();
        Optional<Membership> membership = brokenGlass.isPresent()
                ? accounts.firstMembershipAcrossOrganisations(account)
                : reader.may(Permission.MANAGE_MEMBERS) ? membershipIn(reader, account, READ, actor) : Optional.empty();
        if (membership.isEmpty() && !reader.may(Permission.MANAGE_MEMBERS)) {
            audit.record(AuditEvent.refused(actor, READ, null, "account", account));
        }
        membership.ifPresent(found -> audit.record(AuditEvent.granted(actor, READ, found.organisation(), "account", account)
                .because(brokenGlass.isPresent() ? "break-glass" : null)));
        return membership.flatMap(found -> memberOf(found, brokenGlass));
    }

    /** The organisation {@code account} belongs to, for someone about to break the glass. */
    @PreAuthorize("hasAuthority('PERMISSION_BREAK_GLASS')")
    public Optional<UUID> organisationOf(UUID account) {
        return accounts.firstMembershipAcrossOrganisations(account).map(Membership::organisation);
    }

    private Optional<Member> memberOf(Membership membership, Optional<Instant> brokenGlassUntil) {
        return accounts.byId(membership.account()).map(a -> new Member(a.id(), a.displayName(), a.email(),
                membership.roles(), a.enabled(), brokenGlassUntil));
    }

    /** Disables {@code account}: its sessions end at their next request. Empty if it is not a member. */
    @PreAuthorize("hasAuthority('PERMISSION_MANAGE_MEMBERS')")
    @Transactional
    public Optional<Member> disable(StaffMember administrator, UUID account, Actor actor) {
        if (account.equals(administrator.account())) {
            throw new Refusal("people.refused.self");
        }
        Optional<Membership> membership = membershipIn(administrator, account, DISABLE, actor);
        membership.ifPresent(found -> {
            audit.record(AuditEvent.granted(actor, DISABLE, found.organisation(), "account", account));
            accounts.disable(account, clock.instant());
        });
        return membership.flatMap(found -> member(administrator, account, actor));
    }

    @PreAuthorize("hasAuthority('PERMISSION_MANAGE_MEMBERS')")
    @Transactional
    public Optional<Member> enable(StaffMember administrator, UUID account, Actor actor) {
        Optional<Membership> membership = membershipIn(administrator, account, ENABLE, actor);
        membership.ifPresent(found -> {
            audit.record(AuditEvent.granted(actor, ENABLE, found.organisation(), "account", account));
            accounts.enable(account);
        });
        return membership.flatMap(found -> member(administrator, account, actor));
    }

    /** Gives {@code account} these roles in the administrator's organisation; they apply at its next request. */
    @PreAuthorize("hasAuthority('PERMISSION_MANAGE_MEMBERS')")
    @Transactional
    public Optional<Member> changeRoles(StaffMember administrator, UUID account, Set<Role> roles, Actor actor) {
        Refusal.unlessGivable(roles);
        if (account.equals(administrator.account()) && !roles.contains(Role.ORGANISATION_ADMINISTRATOR)) {
            throw new Refusal("people.refused.self");
        }
        Optional<Membership> membership = membershipIn(administrator, account, CHANGE_ROLES, actor);
        membership.ifPresent(found -> {
            audit.record(AuditEvent.granted(actor, CHANGE_ROLES, found.organisation(), "account", account));
            accounts.setRoles(account, found.organisation(), EnumSet.copyOf(roles));
        });
        return membership.flatMap(found -> member(administrator, account, actor));
    }

    /** The account's membership in the administrator's organisation; a refusal is audited when it has none. */
    private Optional<Membership> membershipIn(StaffMember administrator, UUID account, String action, Actor actor) {
        Optional<Membership> membership = accounts.membershipsOf(account).stream()
                .filter(found -> found.organisation().equals(administrator.organisation()))
                .findFirst();
        if (membership.isEmpty()) {
            // recorded under the organisation whose account was tried, so its administrators see it
            UUID tried = accounts.firstMembershipAcrossOrganisations(account).map(Membership::organisation).orElse(null);
            audit.record(AuditEvent.refused(actor, action, tried, "account", account));
        }
        return membership;
    }

    /** Display names of accounts, for pages that show who did something. */
    @PreAuthorize("hasAnyAuthority('PERMISSION_AUDIT_ORGANISATION', 'PERMISSION_AUDIT_NETWORK')")
    public String displayNameOf(UUID account) {
        return account == null ? null : accounts.byId(account).map(Account::displayName).orElse(null);
    }
}
