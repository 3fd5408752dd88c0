package ca.passerelle.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a service is open in a week, day by day, read from its HSDS schedules: the weekly
 * recurrences a directory holds (byday, opens_at, closes_at).
 */
public record OpeningHours(Map<DayOfWeek, List<Hours>> days) {

    /** One opening on a day; {@code closes} before {@code opens} runs past midnight. */
    public record Hours(LocalTime opens, LocalTime closes) {

        public boolean wholeDay() {
            return opens.equals(LocalTime.MIDNIGHT) && (closes.equals(LocalTime.MIDNIGHT) || !closes.isBefore(LocalTime.of(23, 59)));
        }

        /** Closes the next day, after midnight. */
        boolean overnight() {
            return !wholeDay() && closes.isBefore(opens);
        }
    }

    public OpeningHours {
        Map<DayOfWeek, List<Hours>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, hours) -> copy.put(day, hours.stream().sorted(Comparator.comparing(Hours::opens)).toList()));
        days = copy;
    }

    public static OpeningHours none() {
        return new OpeningHours(Map.of());
    }

    /** Reads one weekly schedule: days as HSDS writes them ("MO,TU,WE"), blank meaning every day. */
    public OpeningHours with(String byday, LocalTime opens, LocalTime closes) {
        if (opens == null || closes == null) {
            return this;
        }
        Map<DayOfWeek, List<Hours>> more = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, hours) -> more.put(day, new ArrayList<>(hours)));
        for (DayOfWeek day : daysOf(byday)) {
            more.computeIfAbsent(day, d -> new ArrayList<>()).add(new Hours(opens, closes));
        }
        return new OpeningHours(more);
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    /** Open every hour of every day. */
    public boolean alwaysOpen() {
        return days.size() == 7 && days.values().stream().allMatch(hours -> hours.stream().anyMatch(Hours::wholeDay));
    }

    public List<Hours> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public boolean isOpenAt(ZonedDateTime moment) {
        LocalTime time = moment.toLocalTime();
        for (Hours hours : on(moment.getDayOfWeek())) {
            boolean started = !time.isBefore(hours.opens());
            if (hours.wholeDay() || started && (hours.overnight() || time.isBefore(hours.closes()))) {
                return true;
            }
        }
        // An opening that runs past midnight is still open early the next day.
        return on(moment.getDayOfWeek().minus(1)).stream().anyMatch(h -> h.overnight() && time.isBefore(h.closes()));
    }

    /** When it next opens after {@code moment}, within a week. */
    public Optional<ZonedDateTime> nextOpening(ZonedDateTime moment) {
        for (int ahead = 0; ahead <= 7; ahead++) {
            ZonedDateTime day = moment.plusDays(ahead);
            for (Hours hours : on(day.getDayOfWeek())) {
                ZonedDateTime opening = day.with(hours.opens());
                if (opening.isAfter(moment)) {
                    return Optional.of(opening);
                }
            }
        }
        return Optional.empty();
    }

    private static List<DayOfWeek> daysOf(String byday) {
        if (byday == null || byday.isBlank()) {
            return List.of(DayOfWeek.values());
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (String code : byday.split(",")) {
            String day = code.strip().toUpperCase(Locale.ROOT);
            // RFC 5545 allows an ordinal before the day ("1MO"); a weekly view keeps the day.
            day = day.replaceAll("^[+-]?\\d+", "");
            switch (day) {
                case "MO" -> days.add(DayOfWeek.MONDAY);
                case "TU" -> days.add(DayOfWeek.TUESDAY);
                case "WE" -> days.add(DayOfWeek.WEDNESDAY);
                case "TH" -> days.add(DayOfWeek.THURSDAY);
                case "FR" -> days.add(DayOfWeek.FRIDAY);
                case "SA" -> days.add(DayOfWeek.SATURDAY);
                case "SU" -> days.add(DayOfWeek.SUNDAY);
                default -> { }
            }
        }
        return days;
    }
}
