package ca.passerelle.referral;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a referral may wait before Passerelle follows it up, and how long the receiver keeps
 * seeing the person once the loop is closed.
 *
 * @param emergencyAnswer an emergency unanswered this long reminds the receiver; as long again, it alerts the sender
 * @param within72HoursAnswer the same for a referral needing an answer within 72 hours
 * @param routineAnswer the same for a routine referral
 * @param expireAfter a referral never answered this long after it was sent expires
 * @param retention how long after a referral is closed its receiver still sees what the consent covered
 */
@ConfigurationProperties("passerelle.referrals")
public record ReferralProperties(
        @DefaultValue("2h") Duration emergencyAnswer,
        @DefaultValue("24h") Duration within72HoursAnswer,
        @DefaultValue("72h") Duration routineAnswer,
        @DefaultValue("14d") Duration expireAfter,
        @DefaultValue("30d") Duration retention) {

    Duration answerWithin(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> emergencyAnswer;
            case WITHIN_72_HOURS -> within72HoursAnswer;
            case ROUTINE -> routineAnswer;
        };
    }
}
