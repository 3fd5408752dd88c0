package ca.passerelle.shared;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A time of day as Canadian usage writes it: "9 h 30" in French, "9:30 a.m." in English and the finder's other languages. */
public final class ClockTime {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("H 'h' mm", Locale.CANADA_FRENCH);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("h:mm a", Locale.CANADA);

    private ClockTime() {
    }

    /** The time in words; 23:59, which opening hours use for "until the end of the day", is midnight. */
    public static String of(LocalTime time, Locale locale) {
        LocalTime said = time.getHour() == 23 && time.getMinute() == 59 ? LocalTime.MIDNIGHT : time;
        return (Language.of(locale) == Language.FR ? FRENCH : ENGLISH).format(said);
    }
}
