package ca.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ClockTimeTests {

    @Test
    void noonAndMidnightAreSaidByNameInFrenchAndEnglishSoNoOneWondersWhichEndOfTheDayIsMeant() {
        assertThat(ClockTime.of(LocalTime.NOON, Locale.CANADA)).isEqualTo("noon");
        assertThat(ClockTime.of(LocalTime.MIDNIGHT, Locale.CANADA)).isEqualTo("midnight");
        assertThat(ClockTime.of(LocalTime.of(23, 59), Locale.ENGLISH)).as("the end of the day").isEqualTo("midnight");
        assertThat(ClockTime.of(LocalTime.NOON, Locale.CANADA_FRENCH)).isEqualTo("midi");
        assertThat(ClockTime.of(LocalTime.MIDNIGHT, Locale.CANADA_FRENCH)).isEqualTo("minuit");
    }

    @Test
    void otherTimesAreWrittenAsCanadianUsageWritesThem() {
        assertThat(ClockTime.of(LocalTime.of(17, 30), Locale.CANADA)).isEqualTo("5:30 p.m.");
        assertThat(ClockTime.of(LocalTime.of(9, 0), Locale.CANADA_FRENCH)).isEqualTo("9 h 00");
    }

    @Test
    void theFindersOtherLanguagesWriteTheTimeAsTheirReadersDo() {
        assertThat(ClockTime.of(LocalTime.of(17, 30), Locale.forLanguageTag("es"))).isEqualTo("17:30");
        assertThat(ClockTime.of(LocalTime.of(9, 5), Locale.forLanguageTag("uk"))).isEqualTo("09:05");
        assertThat(ClockTime.of(LocalTime.of(17, 30), Locale.forLanguageTag("zh-Hans"))).isEqualTo("17:30");
        assertThat(ClockTime.of(LocalTime.of(17, 30), Locale.forLanguageTag("ar"))).as("not “p.m.” inside an Arabic sentence")
                .isEqualTo("5:30 م");
        assertThat(ClockTime.of(LocalTime.of(17, 30), Locale.forLanguageTag("tl"))).isEqualTo("5:30\u202fPM");
    }

    @Test
    void everyLanguageOfTheFinderNamesNoonAndMidnight() {
        assertThat(ClockTime.of(LocalTime.of(23, 59), Locale.forLanguageTag("es"))).isEqualTo("medianoche");
        assertThat(ClockTime.of(LocalTime.NOON, Locale.forLanguageTag("pt"))).isEqualTo("meio-dia");
        assertThat(ClockTime.of(LocalTime.MIDNIGHT, Locale.forLanguageTag("ar"))).isEqualTo("منتصف الليل");
        for (InterfaceLanguage language : InterfaceLanguage.values()) {
            assertThat(ClockTime.of(LocalTime.MIDNIGHT, language.locale())).as(language.name()).doesNotContainPattern("[0-9]");
            assertThat(ClockTime.of(LocalTime.NOON, language.locale())).as(language.name()).doesNotContainPattern("[0-9]");
        }
    }
}
