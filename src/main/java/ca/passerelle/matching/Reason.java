package ca.passerelle.matching;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One thing a worker reads about why a service is in the list, or what it lacks: "24/7",
 * "12 km", "speaks Tagalog", "does not cover legal aid".
 *
 * @param kind what is said
 * @param value what it is said of: a distance in km, a domain, a language code, a province, when a
 *     service closed now next {@link Opening opens} or one open now {@link Closing closes}, the day an
 *     old capacity was said (a {@link java.time.LocalDate}); or null
 */
public record Reason(Kind kind, Object value) {

    /** The reason of this kind said of nothing: one for each kind, since every result of every search has several. */
    static Reason of(Kind kind) {
        return kind.alone;
    }

    /** When a service closed now next opens, in its own time zone: the value of {@link Kind#CLOSED_NOW}. */
    public record Opening(DayOfWeek day, LocalTime time) {
    }

    /**
     * When a service open now closes, in its own time zone: the value of {@link Kind#OPEN_NOW}.
     *
     * @param today whether it closes before the day ends there (midnight included), so its day goes without saying
     */
    public record Closing(DayOfWeek day, LocalTime time, boolean today) {
    }

    public enum Kind {
        COVERS, DOES_NOT_COVER, DISTANCE, ABOUT_DISTANCE, SERVES_AREA, OPEN_24_7, OPEN_NOW, CLOSED_NOW, SPEAKS,
        NO_STATUS_REQUIRED, SUBSTANCE_USE_ACCESSIBLE, TRAFFICKING_SPECIFIC, ACCEPTING, WAITLIST, FULL;

        // asked for every reason of every result, so worked out once
        private final String code = name().toLowerCase(java.util.Locale.ROOT);
        private final String messageKey = "match.reason." + code.replace('_', '-');
        private final Reason alone = new Reason(this, null);

        /** How the API names it: {@code open_24_7}. */
        public String code() {
            return code;
        }

        public String messageKey() {
            return messageKey;
        }
    }
}
