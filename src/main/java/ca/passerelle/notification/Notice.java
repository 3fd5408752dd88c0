package ca.passerelle.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * Something an organisation's staff should know, for those holding {@code permission}.
 *
 * @param kind what happened, such as {@code referral-received}: its words are messages {@code notice.<kind>}
 * @param link the page that shows it, behind sign-in
 */
public record Notice(UUID id, UUID organisation, String permission, String kind, String link, Instant createdAt) {
}
