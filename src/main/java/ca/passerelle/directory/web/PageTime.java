package ca.passerelle.directory.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ca.passerelle.directory.Capacity;
import ca.passerelle.directory.OpeningHours;
import ca.passerelle.shared.ClockTime;
import org.springframework.stereotype.Component;

/** Times as a person reads them on a page: in their language, in the service's time zone. */
@Component
public class PageTime {

    private final Clock clock;

    PageTime(Clock clock) {
        this.clock = clock;
    }

    /** How long ago, as a message key and its number: "3 hours ago". */
    public record Age(String messageKey, long amount) {
    }

    public Age ago(Instant moment) {
        Duration age = Duration.between(moment, clock.instant());
        if (age.toMinutes() < 1) {
            return new Age("time.ago.now", 0);
        }
        if (age.toHours() < 1) {
            return new Age("time.ago.minutes", age.toMinutes());
        }
        if (age.toDays() < 2) {
            return new Age("time.ago.hours", age.toHours());
        }
        return new Age("time.ago.days", age.toDays());
    }

    /** Whether the capacity is too old to rely on without calling. */
    public boolean stale(Capacity capacity) {
        return capacity.oldAt(clock.instant());
    }

    /** Open now, or closed and when it opens next, where the service is. */
    public record Now(boolean open, boolean alwaysOpen, String nextOpening) {
    }

    public Now now(OpeningHours hours, java.time.ZoneId zone, Locale locale) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        String next = hours.nextOpening(now)
                .map(opening -> day(opening.getDayOfWeek(), locale) + " " + ClockTime.of(opening.toLocalTime(), locale))
                .orElse(null);
        return new Now(hours.isOpenAt(now), hours.alwaysOpen(), next);
    }

    /** One row of a week's hours: the day, and its openings written out. */
    public record DayHours(String day, List<String> openings, boolean allDay, boolean today) {
    }

    public List<DayHours> week(OpeningHours hours, java.time.ZoneId zone, Locale locale) {
        DayOfWeek today = ZonedDateTime.now(clock.withZone(zone)).getDayOfWeek();
        List<DayHours> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours.Hours> openings = hours.on(day);
            week.add(new DayHours(day(day, locale),
                    openings.stream().map(h -> ClockTime.of(h.opens(), locale) + " – " + ClockTime.of(h.closes(), locale)).toList(),
                    openings.stream().anyMatch(OpeningHours.Hours::wholeDay), day == today));
        }
        return week;
    }

    static String day(DayOfWeek day, Locale locale) {
        String name = day.getDisplayName(TextStyle.FULL, locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
