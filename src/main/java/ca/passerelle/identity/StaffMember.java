package ca.passerelle.identity;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A signed-in person acting for one organisation, with the roles they hold there. The session
 * keeps who they are; their roles are read again on every request, so a change applies at once.
 */
public record StaffMember(UUID account, UUID organisation, String displayName, Set<Role> roles)
        implements AuthenticatedPrincipal, Serializable {

    public StaffMember {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public Set<Permission> permissions() {
        return Role.permissionsOf(roles);
    }

    public boolean may(Permission permission) {
        return permissions().contains(permission);
    }

    public boolean reachesPersonalData() {
        return roles.stream().anyMatch(Role::reachesPersonalData);
    }

    StaffMember withRoles(Set<Role> current) {
        return new StaffMember(account, organisation, displayName, current);
    }

    @Override
    public String getName() {
        return displayName;
    }
}
