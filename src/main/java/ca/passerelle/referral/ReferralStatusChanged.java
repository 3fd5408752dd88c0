package ca.passerelle.referral;

import java.util.UUID;

/** A referral took a step. Ids only: who it is about never travels in an event. */
/**
 * @param sentBy the account that sent it, to tell them of the answer
 */
public record ReferralStatusChanged(ReferralId id, UUID sender, UUID sentBy, UUID receiver, ReferralStatus status,
        Urgency urgency) {
}
