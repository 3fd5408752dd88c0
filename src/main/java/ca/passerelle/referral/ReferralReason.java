package ca.passerelle.referral;

import java.util.Set;

/** Why a referral was declined, or closed without the person being served. */
public enum ReferralReason {
    NO_CAPACITY,
    NOT_ELIGIBLE,
    UNREACHABLE,
    PERSON_DECLINED,
    OTHER;

    /** The reasons a receiver may give for declining. */
    public static final Set<ReferralReason> FOR_DECLINING = Set.of(NO_CAPACITY, NOT_ELIGIBLE, UNREACHABLE, OTHER);
    /** The reasons for closing after acceptance without serving. */
    public static final Set<ReferralReason> FOR_CLOSING = Set.of(UNREACHABLE, PERSON_DECLINED, NOT_ELIGIBLE, OTHER);

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
