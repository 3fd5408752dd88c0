package ca.passerelle.referral;

/** Someone else changed the referral since it was read: nothing is changed, and the person sees what happened. */
public class StaleReferral extends RuntimeException {

    private final ReferralStatus now;

    StaleReferral(ReferralStatus now) {
        super("The referral changed meanwhile; it is now " + now);
        this.now = now;
    }

    /** What the referral became meanwhile. */
    public ReferralStatus now() {
        return now;
    }
}
