package ca.passerelle.audit;

import java.time.Instant;
import java.util.UUID;

import ca.passerelle.audit.AuditEvent.Outcome;

/** One row of the trail as it was written, at its place in the chain. */
public record AuditEntry(long position, Instant at, UUID actor, UUID actorOrganisation, String address,
        String action, UUID organisation, String recordType, String recordId, Outcome outcome, String reason) {

    static AuditEntry of(long position, Instant at, AuditEvent event) {
        Actor actor = event.actor();
        return new AuditEntry(position, at, actor.account(), actor.organisation(), actor.address(), event.action(),
                event.organisation(), event.recordType(), event.recordId(), event.outcome(), event.reason());
    }
}
