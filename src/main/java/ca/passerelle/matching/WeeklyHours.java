package ca.passerelle.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.passerelle.directory.OpeningHours;

/**
 * Opening hours as minutes of the week, Monday 00:00 being 0: a few ints a service, and "open at"
 * is a scan of two or three intervals. An opening past midnight becomes two intervals. Equal hours
 * are equal values, so the many services that share a pattern share one copy, which stays in the
 * processor's cache while a query measures thousands of them.
 */
final class WeeklyHours {

    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;
    private static final Map<ZoneId, OffsetSpan> OFFSETS = new ConcurrentHashMap<>();

    /** Start and end (exclusive) of each opening, in pairs. */
    private final int[] intervals;

    private WeeklyHours(int[] intervals) {
        this.intervals = intervals;
    }

    static WeeklyHours of(OpeningHours hours) {
        List<Integer> intervals = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int dayStart = (day.getValue() - 1) * DAY;
            for (OpeningHours.Hours opening : hours.on(day)) {
                int opens = dayStart + opening.opens().getHour() * 60 + opening.opens().getMinute();
                int closes = dayStart + opening.closes().getHour() * 60 + opening.closes().getMinute();
                if (opening.wholeDay()) {
                    add(intervals, dayStart, dayStart + DAY);
                } else if (closes > opens) {
                    add(intervals, opens, closes);
                } else if (closes < opens) {
                    // past midnight: until the end of the day, then early the next day (Sunday wraps to Monday)
                    add(intervals, opens, dayStart + DAY);
                    int nextDay = (dayStart + DAY) % WEEK;
                    add(intervals, nextDay, nextDay + (closes - dayStart));
                }
            }
        }
        return new WeeklyHours(intervals.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void add(List<Integer> intervals, int start, int end) {
        if (end > start) {
            intervals.add(start);
            intervals.add(end);
        }
    }

    /**
     * The minute of the week of a moment in a time zone: what {@link #isOpenAt(int)} takes. From the
     * zone's offset alone, since a query asks it of every zone: 1 January 1970 was a Thursday.
     */
    static int minuteOfWeek(Instant moment, ZoneId zone) {
        long second = moment.getEpochSecond();
        OffsetSpan span = OFFSETS.get(zone);
        if (span == null || !span.holds(second)) {
            span = OffsetSpan.around(moment, zone);
            OFFSETS.put(zone, span);
        }
        long localMinutes = Math.floorDiv(second + span.offsetSeconds(), 60);
        return (int) Math.floorMod(localMinutes + 3 * DAY, WEEK);
    }

    /**
     * The time between two clock changes of a zone, when its offset holds. Asking a zone's rules for
     * an offset works out the year's transitions every time, which cost more than the rest of a
     * query; the span is asked again only when the clocks change.
     */
    private record OffsetSpan(long fromSecond, long untilSecond, int offsetSeconds) {

        static OffsetSpan around(Instant moment, ZoneId zone) {
            ZoneRules rules = zone.getRules();
            int offset = rules.getOffset(moment).getTotalSeconds();
            ZoneOffsetTransition previous = rules.previousTransition(moment);
            ZoneOffsetTransition next = rules.nextTransition(moment);
            long from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            if (previous != null && previous.getOffsetAfter().getTotalSeconds() != offset) {
                from = moment.getEpochSecond(); // the moment is a transition itself
            }
            return new OffsetSpan(from, next == null ? Long.MAX_VALUE : next.toEpochSecond(), offset);
        }

        boolean holds(long second) {
            return second >= fromSecond && second < untilSecond;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyHours hours && Arrays.equals(intervals, hours.intervals);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(intervals);
    }

    /**
     * When a service closed at this minute of the week next opens: the minute of the week its next
     * opening starts (in the following week if none is left in this one), or -1 when it has no hours.
     * The earliest start ahead is always an opening's own: the second half of one past midnight
     * starts where its first half ended, which comes first.
     */
    int nextOpeningAfter(int minute) {
        int next = -1;
        int leastAhead = Integer.MAX_VALUE;
        for (int i = 0; i < intervals.length; i += 2) {
            int ahead = Math.floorMod(intervals[i] - minute, WEEK);
            if (ahead > 0 && ahead < leastAhead) {
                leastAhead = ahead;
                next = intervals[i];
            }
        }
        return next;
    }

    /** The day and time of a minute of the week. */
    static Reason.Opening openingAt(int minute) {
        return new Reason.Opening(dayOf(minute), timeOf(minute));
    }

    /**
     * When a service open at this minute of the week closes: the minute of the week its opening
     * ends, carried on through the openings that start as it ends (a night past midnight, Sunday's
     * into Monday's, a morning and an afternoon that meet); -1 when it is closed, or never closes.
     */
    int closingAfter(int minute) {
        int closes = -1;
        for (int carried = 0; carried <= intervals.length / 2; carried++) {
            int end = latestEndOfOpeningsAt(closes < 0 ? minute : closes % WEEK);
            if (end < 0) {
                return closes < 0 ? -1 : closes % WEEK;
            }
            closes = end;
        }
        return -1;
    }

    /** The latest end of the openings under way at this minute of the week (two may overlap); -1 when none is. */
    private int latestEndOfOpeningsAt(int minute) {
        int end = -1;
        for (int i = 0; i < intervals.length; i += 2) {
            if (minute >= intervals[i] && minute < intervals[i + 1]) {
                end = Math.max(end, intervals[i + 1]);
            }
        }
        return end;
    }

    /** The day and time of a minute of the week when a service open at {@code now} closes. */
    static Reason.Closing closingAt(int minute, int now) {
        boolean today = Math.floorMod(minute - now, WEEK) <= DAY - now % DAY;
        return new Reason.Closing(dayOf(minute), timeOf(minute), today);
    }

    private static DayOfWeek dayOf(int minute) {
        return DayOfWeek.of(minute / DAY + 1);
    }

    private static LocalTime timeOf(int minute) {
        return LocalTime.of(minute % DAY / 60, minute % 60);
    }

    boolean isOpenAt(int minute) {
        for (int i = 0; i < intervals.length; i += 2) {
            if (minute >= intervals[i] && minute < intervals[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
