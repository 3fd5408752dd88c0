package ca.passerelle.referral.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import ca.passerelle.referral.ReferralAction;
import ca.passerelle.referral.ReferralReason;

/** A step on a referral as a form sends it: the version it was made from, and what the step needs. */
public class ReferralStepForm {

    private int version;
    private String reason = "";
    private String note = "";
    private String expectedOn = "";

    /**
     * The action asked for by its name in the URL, or empty when what it needs is missing or
     * unreadable, or a waiting list's date is already past.
     */
    Optional<ReferralAction> action(String step, LocalDate today) {
        Optional<ReferralReason> why = Arrays.stream(ReferralReason.values()).filter(r -> r.name().equals(reason)).findFirst();
        return switch (step) {
            case "accept" -> Optional.of(new ReferralAction.Accept());
            case "hold" -> date().filter(expected -> !expected.isBefore(today)).map(ReferralAction.Hold::new);
            case "decline" -> why.filter(ReferralReason.FOR_DECLINING::contains).map(r -> new ReferralAction.Decline(r, note));
            case "start" -> Optional.of(new ReferralAction.StartService());
            case "complete" -> Optional.of(new ReferralAction.Complete(note));
            case "close" -> why.filter(ReferralReason.FOR_CLOSING::contains).map(r -> new ReferralAction.CloseWithoutService(r, note));
            case "withdraw" -> Optional.of(new ReferralAction.Withdraw(note));
            default -> Optional.empty();
        };
    }

    private Optional<LocalDate> date() {
        try {
            return expectedOn == null || expectedOn.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(expectedOn.strip()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getExpectedOn() {
        return expectedOn;
    }

    public void setExpectedOn(String expectedOn) {
        this.expectedOn = expectedOn;
    }
}
