package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine answers thousands of random queries exactly as a brute-force scan of the same directory does. */
class MatchingOracleTests {

    private static final int SERVICES = 6_000;
    private static final int QUERIES = 4_000;

    private static Places places;
    private static List<ServiceFacts> directory;
    private static ServiceIndex engine;
    private static BruteForceMatcher oracle;

    @BeforeAll
    static void buildBoth() {
        places = new Places();
        directory = new RandomDirectory(20261124, places).services(SERVICES);
        engine = new ServiceIndex(directory);
        oracle = new BruteForceMatcher(directory);
    }

    @Test
    void theEngineAgreesWithTheOracleOnThousandsOfRandomQueries() {
        RandomDirectory queries = new RandomDirectory(7, places);
        int nonEmpty = 0;
        for (int i = 0; i < QUERIES; i++) {
            MatchQuery query = queries.query();
            Province area = query.near() == null ? null : places.provinceOf(query.near()).orElse(null);

            ServiceIndex.Found found = engine.search(query, area);
            BruteForceMatcher.Answer expected = oracle.search(query, area);

            assertThat(found.total()).as("total of %s", query).isEqualTo(expected.total());
            assertThat(found.results().stream().map(m -> m.service().id()).toList()).as("results of %s", query)
                    .isEqualTo(expected.best().stream().map(Ranking.Candidate::id).toList());
            assertThat(found.results().stream().map(Match::score).toList()).as("scores of %s", query)
                    .isEqualTo(expected.best().stream().map(Ranking.Candidate::score).toList());
            List<ServiceId> bundle = found.bundle() == null ? List.of()
                    : found.bundle().services().stream().map(m -> m.service().id()).toList();
            assertThat(bundle).as("bundle of %s", query).isEqualTo(expected.bundle().stream().map(Ranking.Candidate::id).toList());
            nonEmpty += found.total() > 0 ? 1 : 0;
        }
        // a comparison of empty answers proves nothing: most random queries must find something
        assertThat(nonEmpty).isGreaterThan(QUERIES / 3);
    }
}
