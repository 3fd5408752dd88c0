package ca.passerelle.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * A share without consent because the person is in imminent danger: recorded with a reason (kept
 * sealed), limited in time, reported to the organisation's administrators.
 */
public record VitalInterest(UUID id, UUID organisation, UUID person, UUID recipient, UUID invokedBy, Instant invokedAt,
        Instant expiresAt) {

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
