package ca.passerelle.identity;

import java.util.Set;
import java.util.UUID;

/** The roles an account holds in one organisation. */
public record Membership(UUID account, UUID organisation, String organisationName, Set<Role> roles) {

    public boolean reachesPersonalData() {
        return roles.stream().anyMatch(Role::reachesPersonalData);
    }
}
