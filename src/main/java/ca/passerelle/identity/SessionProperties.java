package ca.passerelle.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a staff session lasts.
 *
 * @param idleTimeout without activity, for anyone whose roles reach personal data
 *        ({@code PASSERELLE_IDLE_TIMEOUT}, 15 minutes)
 * @param idleTimeoutWithoutPersonalData without activity, for everyone else (1 hour)
 * @param absoluteTimeout however active, a session ends this long after sign-in (12 hours)
 */
@ConfigurationProperties("passerelle.sessions")
public record SessionProperties(
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("1h") Duration idleTimeoutWithoutPersonalData,
        @DefaultValue("12h") Duration absoluteTimeout) {

    Duration idleTimeoutFor(StaffMember member) {
        return member.reachesPersonalData() ? idleTimeout : idleTimeoutWithoutPersonalData;
    }
}
