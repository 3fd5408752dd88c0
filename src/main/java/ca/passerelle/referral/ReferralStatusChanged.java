package ca.passerelle.referral;

import java.util.UUID;

/** A referral took a step. Ids only: who it is about never travels in an event. */
public record ReferralStatusChanged(ReferralId id, UUID sender, UUID receiver, ReferralStatus status, Urgency urgency) {
}
