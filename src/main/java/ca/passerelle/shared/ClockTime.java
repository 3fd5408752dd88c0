package ca.passerelle.shared;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A time of day as its readers write it: "9 h 30" in Canadian French, "9:30 a.m." in Canadian
 * English, and in the finder's other languages as their own usage does ("17:00" in Spanish,
 * "5:00 م" in Arabic). Noon and midnight are said by name, since "12:00 a.m." leaves a reader at
 * night unsure which end of the day is meant.
 */
public final class ClockTime {

    private static final Map<InterfaceLanguage, Said> SAID = new EnumMap<>(Map.of(
            InterfaceLanguage.FR, new Said(DateTimeFormatter.ofPattern("H 'h' mm", Locale.CANADA_FRENCH), "midi", "minuit"),
            InterfaceLanguage.EN, new Said(DateTimeFormatter.ofPattern("h:mm a", Locale.CANADA), "noon", "midnight"),
            InterfaceLanguage.ES, Said.asUsual(InterfaceLanguage.ES, "mediodía", "medianoche"),
            InterfaceLanguage.PT, Said.asUsual(InterfaceLanguage.PT, "meio-dia", "meia-noite"),
            InterfaceLanguage.TL, Said.asUsual(InterfaceLanguage.TL, "tanghali", "hatinggabi"),
            InterfaceLanguage.ZH, Said.asUsual(InterfaceLanguage.ZH, "中午", "午夜"),
            InterfaceLanguage.PA, Said.asUsual(InterfaceLanguage.PA, "ਦੁਪਹਿਰ", "ਅੱਧੀ ਰਾਤ"),
            InterfaceLanguage.AR, Said.asUsual(InterfaceLanguage.AR, "الظهر", "منتصف الليل"),
            InterfaceLanguage.UK, Said.asUsual(InterfaceLanguage.UK, "полудень", "північ")));

    private ClockTime() {
    }

    /** The time in words; 23:59, which opening hours use for "until the end of the day", is midnight. */
    public static String of(LocalTime time, Locale locale) {
        Said said = SAID.get(InterfaceLanguage.of(locale));
        if (time.equals(LocalTime.MIDNIGHT) || time.getHour() == 23 && time.getMinute() == 59) {
            return said.midnight();
        }
        return time.equals(LocalTime.NOON) ? said.noon() : said.format().format(time);
    }

    private record Said(DateTimeFormatter format, String noon, String midnight) {

        /** The language's short time, as the Unicode CLDR data of the JDK writes it. */
        static Said asUsual(InterfaceLanguage language, String noon, String midnight) {
            return new Said(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(language.locale()), noon, midnight);
        }
    }
}
