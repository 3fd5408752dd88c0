package ca.passerelle.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * What a person agreed an organisation may share about them: which categories, with which
 * organisations, for what, until when. A withdrawn or expired consent covers nothing.
 *
 * @param organisation the organisation that holds the person's record and recorded the consent
 * @param explainedIn  the language the consent was explained in, as a code such as {@code fr}
 * @param expiresOn    the last day it covers (UTC)
 * @param withdrawnAt  null while it has not been withdrawn
 */
public record Consent(ConsentId id, UUID organisation, UUID person, Set<DataCategory> categories, Set<UUID> recipients,
        ConsentPurpose purpose, ConsentManner givenAs, String explainedIn, LocalDate expiresOn, UUID recordedBy,
        Instant recordedAt, Instant withdrawnAt, UUID withdrawnBy) {

    public Consent {
        categories = Set.copyOf(categories);
        recipients = Set.copyOf(recipients);
    }

    public boolean activeAt(Instant now) {
        return withdrawnAt == null && now.isBefore(expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public boolean expiredAt(Instant now) {
        return withdrawnAt == null && !activeAt(now);
    }

    boolean covers(UUID recipient, ConsentPurpose wanted, Instant now) {
        return activeAt(now) && purpose == wanted && recipients.contains(recipient);
    }

    /** The consent, withdrawn from now on; withdrawing twice changes nothing. */
    Consent withdraw(UUID by, Instant now) {
        if (withdrawnAt != null) {
            return this;
        }
        return new Consent(id, organisation, person, categories, recipients, purpose, givenAs, explainedIn, expiresOn,
                recordedBy, recordedAt, now, by);
    }
}
