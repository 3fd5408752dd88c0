package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import ca.passerelle.directory.Capacity;
import org.junit.jupiter.api.Test;

/** The promises the API's documentation makes of the ranking, held at every distance. */
class RankingTests {

    @Test
    void aServiceThatSaysItIsFullRanksAsIfAtLeastTenKilometresFurtherThanOneAccepting() {
        int full = Ranking.standingPoints("full", false);
        int accepting = Ranking.standingPoints("accepting", false);
        for (double km = 0; km <= 5_000; km += 0.5) {
            assertThat(Ranking.score(0, true, km + 10, accepting)).as("accepting %s km away", km + 10)
                    .isGreaterThan(Ranking.score(0, true, km, full));
        }
    }

    @Test
    void aCapacitySaidADayAgoOrMoreRanksAsIfNothingWereSaidUntilItIsSaidAgain() {
        Instant morning = Instant.parse("2026-12-08T08:00:00Z");
        int nothingSaid = Ranking.standingPoints(null, false, morning);
        for (String status : Capacity.STATUSES) {
            Capacity said = new Capacity(status, null, null, null, morning);
            Capacity undated = new Capacity(status, null, null, null, null);
            assertThat(Ranking.standingPoints(said, false, morning.plus(Duration.ofHours(23).plusMinutes(59))))
                    .as("%s said this morning", status).isEqualTo(Ranking.standingPoints(status, false)).isNotEqualTo(nothingSaid);
            assertThat(Ranking.standingPoints(said, false, morning.plus(Duration.ofDays(1)))).as("%s said yesterday", status)
                    .isEqualTo(nothingSaid);
            assertThat(Ranking.standingPoints(undated, false, morning.plus(Duration.ofDays(30)))).as("%s said when, no one knows", status)
                    .isEqualTo(Ranking.standingPoints(status, false));
        }
    }

    @Test
    void aServiceWithoutASiteIsMetWhereASiteWouldScoreTheSame() {
        assertThat(Ranking.score(0, true, Ranking.UNPLACED_AS_KM, 0)).isCloseTo(Ranking.score(0, true, Double.NaN, 0), within(0.1));
    }
}
