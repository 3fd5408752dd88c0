package ca.passerelle.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Component;

/**
 * Instants as pages show them, in UTC and saying so (staff work across six time zones), for any
 * template: {@code ${@times.minute(instant)}}.
 */
@Component("times")
public class Times {

    private final Clock clock;

    Times(Clock clock) {
        this.clock = clock;
    }

    /** How long ago, in whole units, for "waiting 2 d 3 h": {@code #{times.elapsed(${e.days()}, ${e.hours()}, ${e.minutes()})}}. */
    public record Elapsed(long days, long hours, long minutes) {
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @PermitAll
    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    @PermitAll
    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** The time since an instant, never negative. */
    @PermitAll
    public Elapsed since(Instant instant) {
        Duration elapsed = Duration.between(instant, clock.instant());
        elapsed = elapsed.isNegative() ? Duration.ZERO : elapsed;
        return new Elapsed(elapsed.toDays(), elapsed.toHoursPart(), elapsed.toMinutesPart());
    }
}
