package ca.passerelle.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral stands, and where it may go next: the state machine of the loop. Each state
 * maps onto the HL7 FHIR Task status set, so a partner system on another platform can follow it.
 */
public enum ReferralStatus {
    DRAFT("draft"),
    SENT("requested"),
    /** Opened by the receiving organisation; FHIR has no such status, so it stays "requested". */
    VIEWED("requested"),
    ACCEPTED("accepted"),
    /** On a waiting list, with an expected date. */
    ON_HOLD("on-hold"),
    DECLINED("rejected"),
    IN_SERVICE("in-progress"),
    COMPLETED("completed"),
    CLOSED_WITHOUT_SERVICE("failed"),
    WITHDRAWN("cancelled"),
    /** Never answered, however long it waited. */
    EXPIRED("failed");

    private final String fhirStatus;

    ReferralStatus(String fhirStatus) {
        this.fhirStatus = fhirStatus;
    }

    /** The FHIR Task status (R4/R5 TaskStatus code). */
    public String fhirStatus() {
        return fhirStatus;
    }

    public Set<ReferralStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SENT, WITHDRAWN);
            case SENT -> EnumSet.of(VIEWED, ACCEPTED, ON_HOLD, DECLINED, WITHDRAWN, EXPIRED);
            case VIEWED -> EnumSet.of(ACCEPTED, ON_HOLD, DECLINED, WITHDRAWN, EXPIRED);
            case ON_HOLD -> EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN, CLOSED_WITHOUT_SERVICE);
            case ACCEPTED -> EnumSet.of(IN_SERVICE, CLOSED_WITHOUT_SERVICE, WITHDRAWN);
            case IN_SERVICE -> EnumSet.of(COMPLETED, CLOSED_WITHOUT_SERVICE);
            case DECLINED, COMPLETED, CLOSED_WITHOUT_SERVICE, WITHDRAWN, EXPIRED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean open() {
        return !next().isEmpty();
    }

    /** Whether the receiver still owes a first answer. */
    public boolean awaitingAnswer() {
        return this == SENT || this == VIEWED;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
