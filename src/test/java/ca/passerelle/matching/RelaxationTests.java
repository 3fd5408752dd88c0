package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When nothing meets a query, the answer offers the nearest queries that find something, each with
 * what it finds, as the brute-force oracle counts it: the least wider radius first, then each
 * constraint given up alone, or all of them in turn when none alone is to blame.
 */
class RelaxationTests {

    private static Places places;
    private static BruteForceMatcher oracle;
    private static Matcher matcher;

    @BeforeAll
    static void buildTheDirectory() {
        places = new Places();
        List<ServiceFacts> directory = new RandomDirectory(20261124, places).services(3_000);
        oracle = new BruteForceMatcher(directory);
        matcher = new Matcher(places, Clock.systemUTC());
        matcher.use(ServiceIndex.of(directory));
    }

    @Test
    void anEmptyAnswerOffersTheNearestQueriesThatFindSomethingWithWhatEachFinds() {
        int empty = 0;
        int widerRadii = 0;
        for (MatchQuery query : new RandomDirectory(11, places).queries(3_000)) {
            Matches matches = matcher.match(query);
            if (matches.total() > 0) {
                assertThat(matches.relaxations()).isEmpty();
                continue;
            }
            empty++;
            Province area = places.areaOf(query);
            for (Relaxation relaxation : matches.relaxations()) {
                assertThat(relaxation.total()).as("what %s finds", relaxation).isPositive()
                        .isEqualTo(oracle.search(relaxation.query(), area).total());
                if (relaxation.radiusKm() != null) {
                    widerRadii++;
                    assertThat(relaxation.radiusKm()).as("the wider radius for %s", query).isEqualTo(leastWiderRadiusFindingAny(query, area));
                } else if (relaxation.dropped().equals(Set.of(Constraint.RADIUS))) {
                    assertThat(leastWiderRadiusFindingAny(query, area)).as("a wider radius for %s", query).isNull();
                }
            }
            if (matches.relaxations().isEmpty()) {
                assertThat(oracle.search(withoutAnyConstraint(query), area).total()).as("what %s finds without constraints", query)
                        .isZero();
            }
        }
        // a test of a few empty answers proves little
        assertThat(empty).isGreaterThan(300);
        assertThat(widerRadii).isGreaterThan(50);
    }

    @Test
    void eachNeedThatNothingFoundCoversIsOfferedTheNearestQueriesUnderWhichServicesCoverIt() {
        int needsUncovered = 0;
        int offered = 0;
        for (MatchQuery query : new RandomDirectory(12, places).queries(3_000)) {
            Matches matches = matcher.match(query);
            Set<NeedDomain> uncovered = matches.uncovered();
            assertThat(uncovered).as("for %s", query).containsAll(matches.toCoverTheRest().keySet());
            Province area = places.areaOf(query);
            for (NeedDomain need : uncovered) {
                needsUncovered++;
                MatchQuery forThisNeed = query.toBuilder().domains(Set.of(need)).build();
                List<Relaxation> relaxations = matches.toCoverTheRest().getOrDefault(need, List.of());
                for (Relaxation relaxation : relaxations) {
                    offered++;
                    assertThat(relaxation.query().domains()).containsExactly(need);
                    assertThat(relaxation.total()).as("what %s finds", relaxation).isPositive()
                            .isEqualTo(oracle.search(relaxation.query(), area).total());
                    if (relaxation.radiusKm() != null) {
                        assertThat(relaxation.radiusKm()).as("the wider radius for %s", forThisNeed)
                                .isEqualTo(leastWiderRadiusFindingAny(forThisNeed, area));
                    }
                    // the whole search so relaxed, every need kept, finds a service for this one
                    MatchQuery whole = relaxation.query().toBuilder().domains(query.domains()).build();
                    assertThat(matcher.match(whole).bundle().uncovered()).as("uncovered by %s", whole).doesNotContain(need);
                }
                if (relaxations.isEmpty()) {
                    assertThat(oracle.search(withoutAnyConstraint(forThisNeed), area).total()).as("%s without constraints", forThisNeed)
                            .isZero();
                }
            }
        }
        assertThat(needsUncovered).isGreaterThan(100);
        assertThat(offered).isGreaterThan(100);
    }

    @Test
    void aWordALetterOffAWordOfTheFieldIsOfferedAsThatWordWithWhatItFinds() {
        for (String[] slip : List.of(new String[] {"hebregement", "hébergement"}, new String[] {"sheltre", "shelter"},
                new String[] {"nouriture", "nourriture"}, new String[] {"clothnig", "clothing"})) {
            Matches matches = matcher.match(MatchQuery.builder().text(slip[0]).build());

            assertThat(matches.total()).as(slip[0]).isZero();
            Relaxation meant = matches.relaxations().getFirst();
            assertThat(meant.words()).isEqualTo(slip[1]);
            assertThat(meant.query()).isEqualTo(matches.query().toBuilder().text(slip[1]).build());
            assertThat(meant.total()).isPositive().isEqualTo(oracle.search(meant.query(), null).total());
        }
    }

    @Test
    void wordsThatFindNothingTogetherAreOfferedWithAWordLessFindingTheMostFirst() {
        Matches matches = matcher.match(MatchQuery.builder().text("the juridique zephyrine health").build());

        assertThat(matches.total()).isZero();
        List<Relaxation> fewer = matches.relaxations().stream().filter(relaxation -> relaxation.words() != null).toList();
        assertThat(fewer).extracting(Relaxation::words).as("“zephyrine” is in no service; “the” is not searched")
                .containsExactly("juridique health");
        assertThat(fewer.getFirst().total()).isPositive().isEqualTo(oracle.search(fewer.getFirst().query(), null).total());

    }

    @Test
    void withAWordLessAreTheTwoThatFindMostAsTheOracleCountsThem() {
        List<String> words = RandomDirectory.WORDS.stream().flatMap(text -> Words.typed(text).stream()).distinct().toList();
        Random random = new Random(7);
        int twoOffered = 0;
        for (int i = 0; i < 1_000; i++) {
            List<String> typed = random.ints(3, 0, words.size()).mapToObj(words::get).distinct().toList();
            MatchQuery query = MatchQuery.builder().text(String.join(" ", typed)).build();
            Matches matches = matcher.match(query);
            if (matches.total() > 0) {
                continue;
            }
            List<Relaxation> expected = new ArrayList<>();
            for (String left : typed) {
                MatchQuery fewer = matches.query().toBuilder().text(String.join(" ", typed.stream().filter(w -> !w.equals(left)).toList())).build();
                int total = oracle.search(fewer, null).total();
                if (total > 0) {
                    expected.add(new Relaxation(Set.of(Constraint.TEXT), null, fewer.text(), total, fewer));
                }
            }
            expected.sort(Comparator.comparingInt(Relaxation::total).reversed());
            List<Relaxation> offered = matches.relaxations().stream().filter(r -> r.words() != null).toList();
            assertThat(offered).as("for %s", typed).isEqualTo(expected.subList(0, Math.min(2, expected.size())));
            twoOffered += offered.size() == 2 ? 1 : 0;
        }
        assertThat(twoOffered).as("empty answers with two ways out").isGreaterThan(10);
    }

    @Test
    void aWordOfTheFieldInAnotherInflectionIsNotTakenForASlip() {
        assertThat(Words.respelled("écouter")).as("“écoute” finds it already").isEmpty();
    }

    /** Twice, five and ten times the radius asked, and 25, 50, 100, 250 and 500 km beyond it: the first that finds something. */
    private static Double leastWiderRadiusFindingAny(MatchQuery query, Province area) {
        SortedSet<Double> radii = new TreeSet<>(List.of(2 * query.radiusKm(), 5 * query.radiusKm(), 10 * query.radiusKm()));
        List.of(25.0, 50.0, 100.0, 250.0, 500.0).stream().filter(km -> km > query.radiusKm()).forEach(radii::add);
        return radii.stream().filter(radius -> oracle.search(query.toBuilder().radius(radius).build(), area).total() > 0)
                .findFirst().orElse(null);
    }

    private static MatchQuery withoutAnyConstraint(MatchQuery query) {
        MatchQuery relaxed = query;
        for (Constraint constraint : query.constraints()) {
            relaxed = constraint.removedFrom(relaxed);
        }
        return relaxed;
    }
}
