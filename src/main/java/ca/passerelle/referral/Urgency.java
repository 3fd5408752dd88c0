package ca.passerelle.referral;

/** How soon the person needs an answer; the inbox sorts by it and follow-up waits accordingly. */
public enum Urgency {
    EMERGENCY,
    WITHIN_72_HOURS,
    ROUTINE;

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
