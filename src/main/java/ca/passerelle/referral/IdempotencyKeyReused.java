package ca.passerelle.referral;

/** An Idempotency-Key already answered another request: nothing is sent. */
public class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("This Idempotency-Key was used for another request");
    }
}
