package ca.passerelle.referral;

/** A change the referral's state does not allow: refused, with both states, and nothing changed. */
public class IllegalTransition extends RuntimeException {

    private final ReferralStatus from;
    private final ReferralStatus to;

    IllegalTransition(ReferralStatus from, ReferralStatus to) {
        super("A referral " + from + " cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public ReferralStatus from() {
        return from;
    }

    public ReferralStatus to() {
        return to;
    }
}
