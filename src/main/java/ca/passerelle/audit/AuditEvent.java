package ca.passerelle.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * One thing to record: who ({@code actor}) did what ({@code action}, a dotted name such as
 * {@code account.sign-in}) to which record of which organisation, whether it was granted or
 * refused, and why when a reason was asked for. Never the data itself.
 *
 * @param organisation the organisation whose data or account was touched, if any
 * @param recordType the kind of record, such as {@code account}
 * @param recordId the record's id, never a name or any other value from it
 */
public record AuditEvent(Actor actor, String action, UUID organisation, String recordType, String recordId,
        Outcome outcome, String reason) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditEvent granted(Actor actor, String action, UUID organisation, String recordType, Object recordId) {
        return new AuditEvent(actor, action, organisation, recordType, idOf(recordId), Outcome.GRANTED, null);
    }

    public static AuditEvent refused(Actor actor, String action, UUID organisation, String recordType, Object recordId) {
        return new AuditEvent(actor, action, organisation, recordType, idOf(recordId), Outcome.REFUSED, null);
    }

    public AuditEvent because(String reason) {
        return new AuditEvent(actor, action, organisation, recordType, recordId, outcome, reason);
    }

    private static String idOf(Object recordId) {
        return recordId == null ? null : recordId.toString();
    }

    public enum Outcome {
        GRANTED, REFUSED
    }
}
