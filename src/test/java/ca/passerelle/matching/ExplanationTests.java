package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.Test;

/** What a worker reads about each result is true of the service. */
class ExplanationTests {

    @Test
    void aServiceWithoutASiteIsSaidToServeThePlacesProvinceOnlyWhenItDoes() {
        Places places = new Places();
        List<ServiceFacts> directory = new RandomDirectory(20261124, places).services(3_000);
        Map<ServiceId, ServiceFacts> byId = directory.stream().collect(Collectors.toMap(ServiceFacts::id, Function.identity()));
        Matcher matcher = new Matcher(places, Clock.systemUTC());
        matcher.use(ServiceIndex.of(directory));
        RandomDirectory queries = new RandomDirectory(5, places);
        int servingIt = 0;
        int servingElsewhere = 0;
        for (int i = 0; i < 2_000; i++) {
            MatchQuery query = queries.query();
            if (query.near() == null) {
                continue;
            }
            Province area = places.provinceOf(query.near()).orElse(null);
            Matches matches = matcher.match(query);
            Stream<Match> shown = Stream.concat(matches.results().stream(),
                    matches.bundle() == null ? Stream.empty() : matches.bundle().services().stream());
            for (Match match : shown.toList()) {
                ServiceFacts service = byId.get(match.service().id());
                if (!service.sites().isEmpty()) {
                    continue;
                }
                boolean serves = area != null && service.provinces().contains(area);
                assertThat(match.reasons()).as("the reasons for %s found from %s", service.provinces(), area)
                        .filteredOn(reason -> reason.kind() == Reason.Kind.SERVES_AREA)
                        .isEqualTo(serves ? List.of(new Reason(Reason.Kind.SERVES_AREA, area)) : List.of());
                servingIt += serves ? 1 : 0;
                servingElsewhere += serves ? 0 : 1;
            }
        }
        // both kinds met often, or the test proves little
        assertThat(servingIt).isGreaterThan(100);
        assertThat(servingElsewhere).isGreaterThan(100);
    }
}
