package ca.passerelle.consent;

import java.util.Set;
import java.util.UUID;

/**
 * Leave to show one organisation some of what another knows of a person, for one purpose, as the
 * share check found it at this instant. Only {@link ConsentManagement#check} makes one, so holding
 * a disclosure is proof the check was passed; it is used at once, never kept: a withdrawal applies
 * to the next request.
 */
public final class Disclosure {

    /** What a disclosure rests on. */
    public enum Basis {
        CONSENT,
        /** Imminent danger, recorded with a reason, for a limited time. */
        VITAL_INTEREST
    }

    private final UUID person;
    private final UUID owner;
    private final UUID recipient;
    private final Set<DataCategory> categories;
    private final Basis basis;

    Disclosure(UUID person, UUID owner, UUID recipient, Set<DataCategory> categories, Basis basis) {
        this.person = person;
        this.owner = owner;
        this.recipient = recipient;
        this.categories = Set.copyOf(categories);
        this.basis = basis;
    }

    public UUID person() {
        return person;
    }

    /** The organisation whose record is shown. */
    public UUID owner() {
        return owner;
    }

    public UUID recipient() {
        return recipient;
    }

    public Set<DataCategory> categories() {
        return categories;
    }

    public boolean covers(DataCategory category) {
        return categories.contains(category);
    }

    public Basis basis() {
        return basis;
    }
}
