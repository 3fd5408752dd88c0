package ca.passerelle.directory;

import java.time.Duration;
import java.time.Instant;

/**
 * How many people a service can take now, as its organisation last said, and when: a figure is
 * only as good as its age, so every page shows both.
 *
 * @param status accepting, waitlist or full
 * @param available places free now, if counted
 * @param maximum places in all, if counted
 * @param unit what a place is (beds, appointments), in the record's words
 * @param updated when the figures were last confirmed
 */
public record Capacity(String status, Integer available, Integer maximum, String unit, Instant updated) {

    public static final java.util.List<String> STATUSES = java.util.List.of("accepting", "waitlist", "full");

    private static final Duration TRUSTED_FOR = Duration.ofDays(1);

    public boolean known() {
        return status != null || available != null;
    }

    /** Whether the figures were confirmed a day or more before that moment: too old to rely on without calling. */
    public boolean oldAt(Instant moment) {
        return updated != null && !moment.isBefore(oldFrom());
    }

    /** From when the figures are {@link #oldAt old}: a day after they were confirmed; null when that is not known. */
    public Instant oldFrom() {
        return updated == null ? null : updated.plus(TRUSTED_FOR);
    }
}
