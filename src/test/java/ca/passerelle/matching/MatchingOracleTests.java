package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine answers thousands of random queries exactly as a brute-force scan of the same
 * directory does: built whole, and reached through thousands of edits, removals and additions.
 */
class MatchingOracleTests {

    private static final int SERVICES = 6_000;
    private static final int QUERIES = 4_000;

    private static Places places;
    private static List<ServiceFacts> directory;
    private static BruteForceMatcher oracle;

    @BeforeAll
    static void buildTheDirectory() {
        places = new Places();
        directory = new RandomDirectory(20261124, places).services(SERVICES);
        oracle = new BruteForceMatcher(directory);
    }

    static Stream<Arguments> engines() {
        return Stream.of(
                Arguments.of("built whole", ServiceIndex.of(directory)),
                Arguments.of("built from an older directory, then changed", changedIntoTheDirectory()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theEngineAgreesWithTheOracleOnThousandsOfRandomQueries(String how, ServiceIndex engine) {
        int nonEmpty = 0;
        for (MatchQuery query : new RandomDirectory(7, places).queries(QUERIES)) {
            nonEmpty += agree(engine, query) ? 1 : 0;
        }
        // a comparison of empty answers proves nothing: most random queries must find something
        assertThat(nonEmpty).isGreaterThan(QUERIES / 3);
    }

    /** Past four domains the engine stops looking for which combinations of them exist: the answers must not change. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theEngineAgreesWithTheOracleWhenManyDomainsAreAskedAtOnce(String how, ServiceIndex engine) {
        RandomDirectory queries = new RandomDirectory(8, places);
        Random random = new Random(3);
        List<NeedDomain> all = List.of(NeedDomain.values());
        int nonEmpty = 0;
        for (int i = 0; i < QUERIES / 8; i++) {
            Set<NeedDomain> many = EnumSet.noneOf(NeedDomain.class);
            int count = 4 + random.nextInt(all.size() - 3);
            while (many.size() < count) {
                many.add(all.get(random.nextInt(all.size())));
            }
            nonEmpty += agree(engine, queries.query().toBuilder().domains(many).build()) ? 1 : 0;
        }
        assertThat(nonEmpty).isGreaterThan(QUERIES / 8 / 3);
    }

    /** What an empty answer's relaxations ask: how many a query finds without ranking them, and how far the nearest is. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theEngineCountsAndFindsTheNearestAsTheOracleDoes(String how, ServiceIndex engine) {
        for (MatchQuery query : new RandomDirectory(10, places).queries(QUERIES / 4)) {
            Province area = places.areaOf(query);
            assertThat(engine.count(query, area)).as("count of %s", query).isEqualTo(oracle.search(query, area).total());
            if (query.near() != null) {
                assertThat(engine.nearestKm(query)).as("nearest of %s", query).isEqualTo(oracle.nearestKm(query));
            }
        }
    }

    /** Searches share the bit sets they work in, one search at a time each: many at once must answer as one by one. */
    @Test
    void searchesRunningAtOnceAnswerAsOneByOne() throws Exception {
        ServiceIndex engine = ServiceIndex.of(directory);
        List<MatchQuery> queries = new RandomDirectory(9, places).queries(QUERIES / 4);
        List<String> oneByOne = queries.stream().map(query -> answer(engine, query)).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<String>> atOnce = queries.stream().map(query -> threads.submit(() -> answer(engine, query))).toList();
            for (int i = 0; i < queries.size(); i++) {
                assertThat(atOnce.get(i).get()).as("answer to %s", queries.get(i)).isEqualTo(oneByOne.get(i));
            }
        }
    }

    private static String answer(ServiceIndex engine, MatchQuery query) {
        Search.Found found = engine.search(query, places.areaOf(query));
        return found.total() + " " + found.results().stream().map(m -> m.service().id() + "@" + m.score()).toList()
                + (found.bundle() == null ? "" : " " + found.bundle().services().stream().map(m -> m.service().id()).toList());
    }

    /** Whether the engine found anything, once it gave the oracle's total, results, scores and bundle. */
    private static boolean agree(ServiceIndex engine, MatchQuery query) {
        Province area = places.areaOf(query);
        Search.Found found = engine.search(query, area);
        BruteForceMatcher.Answer expected = oracle.search(query, area);

        assertThat(found.total()).as("total of %s", query).isEqualTo(expected.total());
        assertThat(found.results().stream().map(m -> m.service().id()).toList()).as("results of %s", query)
                .isEqualTo(expected.best().stream().map(Ranking.Candidate::id).toList());
        assertThat(found.results().stream().map(Match::score).toList()).as("scores of %s", query)
                .isEqualTo(expected.best().stream().map(Ranking.Candidate::score).toList());
        List<ServiceId> bundle = found.bundle() == null ? List.of()
                : found.bundle().services().stream().map(m -> m.service().id()).toList();
        assertThat(bundle).as("bundle of %s", query).isEqualTo(expected.bundle().stream().map(Ranking.Candidate::id).toList());
        return found.total() > 0;
    }

    /**
     * The same directory reached the way a running server reaches it: an index built from an older
     * directory (a tenth of the services different, some since removed, some not yet added), then
     * brought up to date by bursts of changes, some services changed twice.
     */
    private static ServiceIndex changedIntoTheDirectory() {
        RandomDirectory older = new RandomDirectory(99, places);
        Random random = new Random(5);
        List<ServiceFacts> before = new ArrayList<>();
        List<ServiceId> changes = new ArrayList<>();
        for (ServiceFacts service : directory) {
            int fate = random.nextInt(10);
            if (fate == 0) {
                changes.add(service.id()); // added since
            } else if (fate == 1) {
                before.add(older.editOf(service));
                changes.add(service.id()); // edited since
            } else {
                before.add(service);
            }
        }
        for (ServiceFacts removed : older.services(300)) {
            before.add(removed);
            changes.add(removed.id());
        }
        changes.addAll(changes.subList(0, 200)); // changed again
        Collections.shuffle(changes, random);

        Map<ServiceId, ServiceFacts> now = directory.stream().collect(Collectors.toMap(ServiceFacts::id, Function.identity()));
        ServiceIndex index = ServiceIndex.of(before);
        for (int from = 0; from < changes.size(); ) {
            List<ServiceId> burst = changes.subList(from, Math.min(changes.size(), from + 1 + random.nextInt(40)));
            index = index.with(burst, burst.stream().map(now::get).filter(Objects::nonNull).toList());
            from += burst.size();
        }
        return index;
    }
}
