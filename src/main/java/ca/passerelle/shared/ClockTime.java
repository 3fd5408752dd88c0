package ca.passerelle.shared;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A time of day as Canadian usage writes it: "9 h 30" in French, "9:30 a.m." in English and the
 * finder's other languages; noon and midnight by name in French and English, since "12:00 a.m."
 * leaves a reader at night unsure which end of the day is meant.
 */
public final class ClockTime {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("H 'h' mm", Locale.CANADA_FRENCH);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("h:mm a", Locale.CANADA);

    private ClockTime() {
    }

    /** The time in words; 23:59, which opening hours use for "until the end of the day", is midnight. */
    public static String of(LocalTime time, Locale locale) {
        LocalTime said = time.getHour() == 23 && time.getMinute() == 59 ? LocalTime.MIDNIGHT : time;
        boolean french = Language.of(locale) == Language.FR;
        if (french || locale != null && "en".equals(locale.getLanguage())) {
            if (said.equals(LocalTime.MIDNIGHT)) {
                return french ? "minuit" : "midnight";
            }
            if (said.equals(LocalTime.NOON)) {
                return french ? "midi" : "noon";
            }
        }
        return (french ? FRENCH : ENGLISH).format(said);
    }
}
