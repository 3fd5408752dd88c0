package ca.passerelle.referral;

import java.util.List;
import java.util.Optional;

import ca.passerelle.person.SharedPerson;

/**
 * A referral as one of its ends sees it.
 *
 * @param person   for the receiver, what the share check allows now; the sender reads their own record
 * @param withheld for the receiver, why the person is not shown (a message key), when they are not
 */
public record ReferralView(Referral referral, List<ReferralStep> steps, Side side, Optional<SharedPerson> person,
        String withheld) {

    public enum Side {
        SENDER, RECEIVER
    }

    public ReferralView {
        steps = List.copyOf(steps);
    }
}
