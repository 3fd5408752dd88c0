package ca.passerelle.referral;

import java.time.LocalDate;

/** A step a person asks a referral to take; the receiver takes most, the sender only withdraws. */
public sealed interface ReferralAction {

    record Accept() implements ReferralAction {
    }

    /** On a waiting list, expecting to take the person on that day. */
    record Hold(LocalDate expectedOn) implements ReferralAction {
    }

    record Decline(ReferralReason reason, String note) implements ReferralAction {
    }

    record StartService() implements ReferralAction {
    }

    record Complete(String outcome) implements ReferralAction {
    }

    record CloseWithoutService(ReferralReason reason, String note) implements ReferralAction {
    }

    record Withdraw(String note) implements ReferralAction {
    }

    default boolean bySender() {
        return this instanceof Withdraw;
    }

    /** The action's name in the audit trail and in URLs. */
    default String slug() {
        return switch (this) {
            case Accept a -> "accept";
            case Hold h -> "hold";
            case Decline d -> "decline";
            case StartService s -> "start";
            case Complete c -> "complete";
            case CloseWithoutService c -> "close";
            case Withdraw w -> "withdraw";
        };
    }
}
