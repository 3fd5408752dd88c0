package ca.passerelle.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One step of a referral's timeline: what it became, when, by whom.
 *
 * @param by         the account that took the step; null when Passerelle took it (expiry)
 * @param reason     why it was declined or closed, when it was
 * @param note       the words of whoever took the step (an outcome, a detail), kept sealed at rest
 * @param expectedOn when a waiting list expects to take the person
 */
public record ReferralStep(ReferralStatus status, Instant at, UUID by, UUID organisation, ReferralReason reason,
        String note, LocalDate expectedOn) {
}
