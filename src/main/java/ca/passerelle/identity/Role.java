package ca.passerelle.identity;

import static ca.passerelle.identity.Permission.AUDIT_NETWORK;
import static ca.passerelle.identity.Permission.AUDIT_ORGANISATION;
import static ca.passerelle.identity.Permission.BREAK_GLASS;
import static ca.passerelle.identity.Permission.COORDINATE_COALITION;
import static ca.passerelle.identity.Permission.CURATE_DIRECTORY;
import static ca.passerelle.identity.Permission.FIND_SERVICES;
import static ca.passerelle.identity.Permission.MANAGE_CASES;
import static ca.passerelle.identity.Permission.MANAGE_MEMBERS;
import static ca.passerelle.identity.Permission.MANAGE_ORGANISATIONS;
import static ca.passerelle.identity.Permission.READ_STATISTICS;
import static ca.passerelle.identity.Permission.RECORD_PEOPLE;
import static ca.passerelle.identity.Permission.REFER;
import static ca.passerelle.identity.Permission.UPDATE_CAPACITY;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The roles a person holds in an organisation, and the one place that says what each allows. The
 * page {@code /app/roles} shows this table in French and English.
 */
public enum Role {

    HOTLINE_OPERATOR(FIND_SERVICES, UPDATE_CAPACITY, RECORD_PEOPLE, REFER),
    INTAKE_COORDINATOR(FIND_SERVICES, UPDATE_CAPACITY, RECORD_PEOPLE, REFER),
    CASE_MANAGER(FIND_SERVICES, RECORD_PEOPLE, REFER, MANAGE_CASES),
    COALITION_LEAD(FIND_SERVICES, COORDINATE_COALITION, READ_STATISTICS),
    DIRECTORY_CURATOR(FIND_SERVICES, UPDATE_CAPACITY, CURATE_DIRECTORY),
    RESEARCHER(READ_STATISTICS),
    ORGANISATION_ADMINISTRATOR(FIND_SERVICES, MANAGE_MEMBERS, AUDIT_ORGANISATION),
    PLATFORM_ADMINISTRATOR(FIND_SERVICES, MANAGE_ORGANISATIONS, AUDIT_NETWORK, BREAK_GLASS);

    private final Set<Permission> permissions;

    Role(Permission first, Permission... rest) {
        this.permissions = EnumSet.of(first, rest);
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    public boolean reachesPersonalData() {
        return permissions.stream().anyMatch(Permission::reachesPersonalData);
    }

    public static Set<Permission> permissionsOf(Collection<Role> roles) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> all.addAll(role.permissions));
        return all;
    }

    /** The roles that hold a permission. */
    public static Set<Role> holdersOf(Permission permission) {
        Set<Role> holders = EnumSet.noneOf(Role.class);
        Arrays.stream(values()).filter(role -> role.permissions.contains(permission)).forEach(holders::add);
        return holders;
    }

    /** The role's name in URLs and in the database: {@code hotline-operator}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Role ofSlug(String slug) {
        return Arrays.stream(values()).filter(role -> role.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No role " + slug));
    }
}
