package ca.passerelle.audit;

/** The trail could not record an action, so the action must not happen. */
public class AuditFailure extends RuntimeException {

    AuditFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
