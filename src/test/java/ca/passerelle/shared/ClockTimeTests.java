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
        assertThat(ClockTime.of(LocalTime.MIDNIGHT, Locale.forLanguageTag("ar"))).as("an English word inside an Arabic sentence would not do")
                .isEqualTo("12:00 a.m.");
    }
}
