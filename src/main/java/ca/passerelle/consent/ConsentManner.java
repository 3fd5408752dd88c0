package ca.passerelle.consent;

/** How a consent was given. */
public enum ConsentManner {
    SPOKEN,
    WRITTEN,
    /** By a parent or guardian, for a minor. */
    GUARDIAN;

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
