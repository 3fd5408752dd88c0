package ca.passerelle.identity;

import java.time.Instant;
import java.util.UUID;

/** A person's sign-in: never deleted, only disabled, so the audit trail keeps pointing at it. */
record Account(UUID id, String email, String displayName, String passwordHash, String totpSecret,
        long lastTotpStep, boolean enabled, boolean demo, Instant sessionsValidAfter) {

    boolean hasSecondFactor() {
        return totpSecret != null;
    }
}
