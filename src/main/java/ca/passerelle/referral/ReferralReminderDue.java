package ca.passerelle.referral;

import java.util.UUID;

/** A referral has waited too long for an answer: its receiver is reminded. */
public record ReferralReminderDue(ReferralId id, UUID receiver, Urgency urgency) {
}
