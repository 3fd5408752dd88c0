package ca.passerelle.identity;

/**
 * What a role lets a person do. A permission that reaches personal data (of the people served or
 * of staff) makes a second factor and the short idle timeout mandatory for every role holding it.
 */
public enum Permission {

    /** Search the directory and the matching engine, see confidential sites' addresses. */
    FIND_SERVICES(false),
    /** Update the live capacity of services. */
    UPDATE_CAPACITY(false),
    /** Create and edit directory entries, import HSDS data. */
    CURATE_DIRECTORY(false),
    /** Record the people an organisation serves and their consent. */
    RECORD_PEOPLE(true),
    /** Refer a person to another organisation and follow the referral. */
    REFER(true),
    /** Coordinate a person's case with other organisations. */
    MANAGE_CASES(true),
    /** Coordinate a regional coalition's members and response teams. */
    COORDINATE_COALITION(false),
    /** Read anonymised statistics. */
    READ_STATISTICS(false),
    /** Invite the organisation's people, change their roles, disable their accounts. */
    MANAGE_MEMBERS(true),
    /** Read the audit trail of the organisation's data and people. */
    AUDIT_ORGANISATION(true),
    /** Create member organisations and their first administrators. */
    MANAGE_ORGANISATIONS(true),
    /** Read the whole audit trail and verify its chain. */
    AUDIT_NETWORK(true),
    /**
     * Open a record outside normal access by giving a reason: the access lasts
     * {@link BreakGlass#LASTS}, is audited, and the record's organisation is told.
     */
    BREAK_GLASS(true);

    private final boolean personalData;

    Permission(boolean personalData) {
        this.personalData = personalData;
    }

    public boolean reachesPersonalData() {
        return personalData;
    }

    /** The name Spring Security knows it by. */
    public String authority() {
        return "PERMISSION_" + name();
    }
}
