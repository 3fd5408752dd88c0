package ca.passerelle.consent;

import java.util.UUID;

/** A consent was withdrawn: what it covered is no longer shown anywhere, from the next request on. */
public record ConsentWithdrawn(ConsentId id, UUID organisation) {
}
