package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.passerelle.directory.Capacity;
import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a worker reads about each result is true of the service. */
class ExplanationTests {

    private final Places places = new Places();
    private final List<ServiceFacts> directory = new RandomDirectory(20261124, places).services(3_000);
    private final Map<ServiceId, ServiceFacts> byId = directory.stream()
            .collect(Collectors.toMap(ServiceFacts::id, Function.identity()));
    private final Matcher matcher = new Matcher(places, Clock.systemUTC());

    @BeforeEach
    void index() {
        matcher.use(ServiceIndex.of(directory));
    }

    @Test
    void aServiceWithoutASiteIsFoundFromAPlaceOnlyWhenItServesThePlacesProvinceAndIsSaidTo() {
        int withoutASite = 0;
        for (MatchQuery query : new RandomDirectory(5, places).queries(2_000)) {
            if (query.near() == null) {
                continue;
            }
            Province area = places.areaOf(query);
            Matches matches = matcher.match(query);
            Stream<Match> shown = Stream.concat(matches.results().stream(),
                    matches.bundle() == null ? Stream.empty() : matches.bundle().services().stream());
            for (Match match : shown.toList()) {
                ServiceFacts service = byId.get(match.service().id());
                if (!service.sites().isEmpty()) {
                    continue;
                }
                withoutASite++;
                // an Alberta-only phone line found from Whitehorse, said to serve Yukon, sends a person nowhere
                assertThat(service.provinces()).as("the provinces served by a result found from %s", area).contains(area);
                assertThat(match.reasons()).filteredOn(reason -> reason.kind() == Reason.Kind.SERVES_AREA)
                        .containsExactly(new Reason(Reason.Kind.SERVES_AREA, area));
            }
        }
        assertThat(withoutASite).as("results without a site met, or the test proves little").isGreaterThan(100);
    }

    @Test
    void aServiceClosedNowSaysWhenItOpensAsTheDirectorysOwnHoursDoAndOneWithoutHoursIsNotSaidClosed() {
        int closed = 0;
        int withoutHours = 0;
        for (MatchQuery query : new RandomDirectory(7, places).queries(1_000)) {
            for (Match match : matcher.match(query).results()) {
                ServiceFacts service = byId.get(match.service().id());
                List<Reason> closedNow = match.reasons().stream().filter(reason -> reason.kind() == Reason.Kind.CLOSED_NOW).toList();
                if (service.hours().isEmpty()) {
                    withoutHours++;
                    assertThat(match.reasons()).extracting(Reason::kind).as("neither open nor closed")
                            .doesNotContain(Reason.Kind.OPEN_NOW, Reason.Kind.CLOSED_NOW, Reason.Kind.OPEN_24_7);
                }
                if (closedNow.isEmpty()) {
                    continue;
                }
                closed++;
                ZonedDateTime there = query.at().atZone((service.province() == null ? Province.ON : service.province()).zone());
                Reason.Opening expected = service.hours().nextOpening(there)
                        .map(opening -> new Reason.Opening(opening.getDayOfWeek(), opening.toLocalTime())).orElse(null);
                assertThat(closedNow).as("%s at %s", service.hours(), there).containsExactly(new Reason(Reason.Kind.CLOSED_NOW, expected));
            }
        }
        assertThat(closed).as("results closed now met, or the test proves little").isGreaterThan(1_000);
        assertThat(withoutHours).as("results without hours met").isGreaterThan(500);
    }

    @Test
    void aServiceOpenNowSaysWhenItClosesAsTheDirectorysOwnHoursDo() {
        int open = 0;
        int closingAnotherDay = 0;
        for (MatchQuery query : new RandomDirectory(13, places).queries(1_000)) {
            for (Match match : matcher.match(query).results()) {
                List<Reason> openNow = match.reasons().stream().filter(reason -> reason.kind() == Reason.Kind.OPEN_NOW).toList();
                if (openNow.isEmpty()) {
                    continue;
                }
                open++;
                ServiceFacts service = byId.get(match.service().id());
                ZoneId zone = (service.province() == null ? Province.ON : service.province()).zone();
                LocalDateTime now = LocalDateTime.ofInstant(query.at(), zone).truncatedTo(ChronoUnit.MINUTES);
                LocalDateTime closes = now;
                while (service.hours().isOpenAt(closes.atZone(zone))) {
                    closes = closes.plusMinutes(1);
                }
                boolean today = closes.toLocalDate().equals(now.toLocalDate()) || closes.equals(now.toLocalDate().plusDays(1).atStartOfDay());
                closingAnotherDay += today ? 0 : 1;
                assertThat(openNow).as("%s at %s", service.hours(), now)
                        .containsExactly(new Reason(Reason.Kind.OPEN_NOW, new Reason.Closing(closes.getDayOfWeek(), closes.toLocalTime(), today)));
            }
        }
        assertThat(open).as("results open now met, or the test proves little").isGreaterThan(500);
        assertThat(closingAnotherDay).as("nights past midnight met").isPositive();
    }

    @Test
    void aCapacitySaidADayOrMoreBeforeTheSearchCarriesTheDayItWasSaidWhereTheServiceIs() {
        Set<Reason.Kind> capacityKinds = Set.of(Reason.Kind.ACCEPTING, Reason.Kind.WAITLIST, Reason.Kind.FULL);
        int fresh = 0;
        int old = 0;
        int saidTheDayBeforeInCanada = 0;
        for (MatchQuery query : new RandomDirectory(11, places).queries(1_000)) {
            for (Match match : matcher.match(query).results()) {
                ServiceFacts service = byId.get(match.service().id());
                Capacity capacity = service.capacity();
                List<Reason> said = match.reasons().stream().filter(reason -> capacityKinds.contains(reason.kind())).toList();
                if (capacity == null) {
                    assertThat(said).isEmpty();
                } else if (capacity.updated() == null || query.at().isBefore(capacity.updated().plus(Duration.ofDays(1)))) {
                    fresh++;
                    assertThat(said).singleElement().extracting(Reason::value).as("said within the day, or when unknown").isNull();
                } else {
                    old++;
                    ZoneId there = (service.province() == null ? Province.ON : service.province()).zone();
                    LocalDate day = LocalDate.ofInstant(capacity.updated(), there);
                    saidTheDayBeforeInCanada += day.isBefore(LocalDate.ofInstant(capacity.updated(), ZoneOffset.UTC)) ? 1 : 0;
                    assertThat(said).singleElement().extracting(Reason::value).isEqualTo(day);
                }
            }
        }
        assertThat(List.of(fresh, old)).as("fresh and old capacities met, or the test proves little").allMatch(met -> met > 1_000);
        assertThat(saidTheDayBeforeInCanada).as("said in Greenwich after midnight, the evening before in Canada").isPositive();
    }
}
