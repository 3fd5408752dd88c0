package ca.passerelle.consent;

import java.util.UUID;

/** Someone shared without consent because of imminent danger; the organisation's administrators are told. */
public record VitalInterestInvoked(UUID id, UUID organisation, UUID recipient) {
}
