package ca.passerelle.referral;

import java.util.UUID;

/** A referral is still unanswered after its reminder: its sender is alerted, to look at alternatives. */
public record ReferralOverdue(ReferralId id, UUID sender, UUID sentBy, UUID receiver, Urgency urgency) {
}
