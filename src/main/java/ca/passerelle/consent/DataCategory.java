package ca.passerelle.consent;

/** The kinds of information a person may agree to share, each on its own. */
public enum DataCategory {
    /** The name they chose, year of birth, gender. */
    IDENTITY,
    /** How, when and in which language to reach them. */
    CONTACT,
    /** What they need, the languages they speak, their province. */
    NEEDS,
    IMMIGRATION,
    HEALTH,
    SAFETY_NOTES;

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
