package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

import ca.passerelle.directory.OpeningHours;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.Test;

class WeeklyHoursTests {

    @Test
    void aMomentIsTheMinuteOfTheWeekItsClockShowsInEveryZoneAcrossBothClockChanges() {
        for (ZoneId zone : Arrays.stream(Province.values()).map(Province::zone).distinct().toList()) {
            for (Instant start : new Instant[] {Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-10-29T00:00:00Z")}) {
                for (Instant moment = start; moment.isBefore(start.plus(Duration.ofDays(8))); moment = moment.plusSeconds(17 * 60 + 13)) {
                    ZonedDateTime there = moment.atZone(zone);
                    int expected = (there.getDayOfWeek().getValue() - 1) * 24 * 60 + there.getHour() * 60 + there.getMinute();
                    assertThat(WeeklyHours.minuteOfWeek(moment, zone)).as("%s in %s", moment, zone).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aClosedServiceOpensNextAtTheStartOfItsNextOpeningEvenInTheFollowingWeek() {
        WeeklyHours weekdays = WeeklyHours.of(OpeningHours.none().with("MO,TU,WE,TH,FR", LocalTime.of(9, 0), LocalTime.of(17, 0)));
        WeeklyHours nights = WeeklyHours.of(OpeningHours.none().with("SU", LocalTime.of(22, 0), LocalTime.of(2, 0)));
        int day = 24 * 60;

        assertThat(weekdays.nextOpeningAfter(2 * day + 3 * 60)).as("Wednesday 3:00: Wednesday 9:00").isEqualTo(2 * day + 9 * 60);
        assertThat(weekdays.nextOpeningAfter(4 * day + 18 * 60)).as("Friday 18:00: Monday 9:00").isEqualTo(9 * 60);
        assertThat(weekdays.nextOpeningAfter(6 * day + 12 * 60)).as("Sunday noon: Monday 9:00").isEqualTo(9 * 60);
        assertThat(nights.nextOpeningAfter(3 * 60)).as("Monday 3:00: Sunday 22:00, not the night's second half")
                .isEqualTo(6 * day + 22 * 60);
        assertThat(WeeklyHours.of(OpeningHours.none()).nextOpeningAfter(0)).as("no hours").isEqualTo(-1);
        assertThat(WeeklyHours.openingAt(6 * day + 22 * 60 + 30)).isEqualTo(new Reason.Opening(DayOfWeek.SUNDAY, LocalTime.of(22, 30)));
    }

    @Test
    void anOpenServiceClosesAtTheEndOfItsOpeningCarriedThroughTheOnesThatStartAsItEnds() {
        int day = 24 * 60;
        WeeklyHours weekdays = WeeklyHours.of(OpeningHours.none().with("MO,TU,WE,TH,FR", LocalTime.of(9, 0), LocalTime.of(17, 0)));
        WeeklyHours nights = WeeklyHours.of(OpeningHours.none().with("SU", LocalTime.of(22, 0), LocalTime.of(2, 0)));
        WeeklyHours split = WeeklyHours.of(OpeningHours.none().with("TU", LocalTime.of(9, 0), LocalTime.of(12, 0))
                .with("TU", LocalTime.of(12, 0), LocalTime.of(17, 0)));
        WeeklyHours overlapping = WeeklyHours.of(OpeningHours.none().with("TU", LocalTime.of(9, 0), LocalTime.of(17, 0))
                .with("TU", LocalTime.of(12, 0), LocalTime.of(20, 0)));
        WeeklyHours always = WeeklyHours.of(OpeningHours.none().with("MO,TU,WE,TH,FR,SA,SU", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));

        assertThat(weekdays.closingAfter(2 * day + 10 * 60)).as("Wednesday 10:00: Wednesday 17:00").isEqualTo(2 * day + 17 * 60);
        assertThat(weekdays.closingAfter(2 * day + 18 * 60)).as("closed").isEqualTo(-1);
        assertThat(nights.closingAfter(6 * day + 23 * 60)).as("Sunday 23:00: Monday 2:00").isEqualTo(2 * 60);
        assertThat(split.closingAfter(day + 10 * 60)).as("a morning and an afternoon that meet").isEqualTo(day + 17 * 60);
        assertThat(overlapping.closingAfter(day + 10 * 60)).as("two openings entered over each other").isEqualTo(day + 20 * 60);
        assertThat(always.closingAfter(3 * day)).as("never closes").isEqualTo(-1);

        assertThat(WeeklyHours.closingAt(2 * day + 17 * 60, 2 * day + 10 * 60)).isEqualTo(new Reason.Closing(DayOfWeek.WEDNESDAY, LocalTime.of(17, 0), true));
        assertThat(WeeklyHours.closingAt(2 * 60, 6 * day + 23 * 60)).as("after midnight, the next day")
                .isEqualTo(new Reason.Closing(DayOfWeek.MONDAY, LocalTime.of(2, 0), false));
        assertThat(WeeklyHours.closingAt(3 * day, 2 * day + 20 * 60)).as("at midnight, still today")
                .isEqualTo(new Reason.Closing(DayOfWeek.THURSDAY, LocalTime.MIDNIGHT, true));
    }

    @Test
    void anOpeningPastMidnightOnSundayRunsIntoMonday() {
        WeeklyHours hours = WeeklyHours.of(OpeningHours.none().with("SU", LocalTime.of(22, 0), LocalTime.of(2, 0)));
        ZoneId montreal = Province.QC.zone();

        assertThat(hours.isOpenAt(WeeklyHours.minuteOfWeek(Instant.parse("2026-11-30T06:30:00Z"), montreal))).as("Monday 1:30").isTrue();
        assertThat(hours.isOpenAt(WeeklyHours.minuteOfWeek(Instant.parse("2026-11-30T07:30:00Z"), montreal))).as("Monday 2:30").isFalse();
        assertThat(hours.isOpenAt(WeeklyHours.minuteOfWeek(Instant.parse("2026-11-30T03:30:00Z"), montreal))).as("Sunday 22:30").isTrue();
    }

    @Test
    void equalHoursAreOneValue() {
        OpeningHours weekdays = OpeningHours.none().with("MO,TU,WE,TH,FR", LocalTime.of(9, 0), LocalTime.of(17, 0));

        assertThat(WeeklyHours.of(weekdays)).isEqualTo(WeeklyHours.of(weekdays)).hasSameHashCodeAs(WeeklyHours.of(weekdays))
                .isNotEqualTo(WeeklyHours.of(OpeningHours.none().with("MO", LocalTime.of(9, 0), LocalTime.of(17, 0))));
    }
}
