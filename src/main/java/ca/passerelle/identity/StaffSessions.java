package ca.passerelle.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import ca.passerelle.audit.Actor;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Staff sessions: begun at sign-in with a new id, bounded in idle and absolute time, and checked on
 * every request against the account as it is now: a disabled account or a revoked session ends at
 * the next request, and a change of roles applies at once.
 */
@Component
public class StaffSessions {

    /** Every signed-in person holds it; the permissions of their roles come with it. */
    public static final String SIGNED_IN = "SIGNED_IN";
    static final String SIGNED_IN_AT = StaffSessions.class.getName() + ".signedInAt";

    private final Accounts accounts;
    private final SessionProperties properties;
    private final SecurityContextRepository contexts;
    private final Clock clock;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    StaffSessions(Accounts accounts, SessionProperties properties, SecurityContextRepository contexts, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** The signed-in person of this request, if any. */
    public static Optional<StaffMember> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffMember member
                ? Optional.of(member) : Optional.empty();
    }

    /** Who acts in this request, as the audit trail records it. */
    public static Actor actor(HttpServletRequest request) {
        return current().map(member -> new Actor(member.account(), member.organisation(), request.getRemoteAddr()))
                .orElseGet(() -> Actor.anonymous(request.getRemoteAddr()));
    }

    /** Begins {@code member}'s session: a new session id, their timeouts, their permissions. */
    /** Keeps this session going after its account ended every session begun before {@code from}. */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    public void renew(HttpServletRequest request, Instant from) {
        HttpSession session = request.getSession();
        request.changeSessionId();
        session.setAttribute(SIGNED_IN_AT, from);
    }

    @PermitAll
    public void begin(StaffMember member, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession();
        request.changeSessionId();
        session.setAttribute(SIGNED_IN_AT, clock.instant());
        session.setMaxInactiveInterval((int) properties.idleTimeoutFor(member).toSeconds());
        var context = holder.createEmptyContext();
        context.setAuthentication(authenticated(member));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Runs before every staff request is authorised: ends a session that may no longer go on. */
    Filter filter() {
        return (servletRequest, servletResponse, chain) -> {
            var request = (HttpServletRequest) servletRequest;
            Optional<StaffMember> member = current();
            if (member.isPresent()) {
                Optional<StaffMember> standing = standingOf(member.get(), request.getSession(false));
                if (standing.isEmpty()) {
                    end(request);
                    ((HttpServletResponse) servletResponse).sendRedirect(request.getContextPath() + "/login?expired");
                    return;
                }
                var context = holder.createEmptyContext();
                context.setAuthentication(authenticated(standing.get()));
                holder.setContext(context);
            }
            chain.doFilter(servletRequest, servletResponse);
        };
    }

    /** The member as the database sees them now, or empty when their session must end. */
    private Optional<StaffMember> standingOf(StaffMember member, HttpSession session) {
        Instant signedInAt = session == null ? null : (Instant) session.getAttribute(SIGNED_IN_AT);
        if (signedInAt == null || signedInAt.plus(properties.absoluteTimeout()).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return accounts.standingOf(member.account(), member.organisation())
                .filter(standing -> standing.enabled() && !signedInAt.isBefore(standing.sessionsValidAfter())
                        && !standing.roles().isEmpty())
                .map(standing -> member.withRoles(standing.roles()));
    }

    private void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        holder.clearContext();
    }

    static Authentication authenticated(StaffMember member) {
        Collection<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority(SIGNED_IN)));
        member.permissions().forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission.authority())));
        return UsernamePasswordAuthenticationToken.authenticated(member, null, authorities);
    }
}
