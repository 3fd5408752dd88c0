package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ca.passerelle.directory.Capacity;
import org.junit.jupiter.api.Test;

/** The promises the API's documentation makes of the ranking, held at every distance. */
class RankingTests {

    @Test
    void aServiceThatSaysItIsFullRanksAsIfAtLeastTenKilometresFurtherThanOneAccepting() {
        int full = Ranking.standingPoints(new Capacity("full", null, null, null, null), false);
        int accepting = Ranking.standingPoints(new Capacity("accepting", null, null, null, null), false);
        for (double km = 0; km <= 5_000; km += 0.5) {
            assertThat(Ranking.score(0, true, km + 10, accepting)).as("accepting %s km away", km + 10)
                    .isGreaterThan(Ranking.score(0, true, km, full));
        }
    }

    @Test
    void aServiceWithoutASiteIsMetWhereASiteWouldScoreTheSame() {
        assertThat(Ranking.score(0, true, Ranking.UNPLACED_AS_KM, 0)).isCloseTo(Ranking.score(0, true, Double.NaN, 0), within(0.1));
    }
}
