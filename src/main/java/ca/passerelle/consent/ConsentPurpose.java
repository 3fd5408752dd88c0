package ca.passerelle.consent;

/** What a consent lets the information be used for; a share for another purpose is refused. */
public enum ConsentPurpose {
    REFERRAL,
    CASE_COORDINATION;

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
