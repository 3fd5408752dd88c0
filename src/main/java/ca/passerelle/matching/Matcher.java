package ca.passerelle.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Component;

/**
 * Answers match queries from the current in-memory index. When nothing meets every hard
 * constraint, it tries the query without each one (a wider radius first) and says which ones
 * emptied it: never a bare empty page. The same for the needs of a multi-need query that nothing
 * found covers.
 */
@Component
public class Matcher {

    /** Radii to try, as multiples of the asked one, then in km: the first wider than asked that finds something wins. */
    private static final double[] WIDER_FACTORS = {2, 5, 10};
    private static final double[] WIDER_KM = {25, 50, 100, 250, 500};

    private final Places places;
    private final Clock clock;
    private static final ServiceIndex NOT_BUILT_YET = ServiceIndex.of(List.of());

    private volatile ServiceIndex index = NOT_BUILT_YET;

    Matcher(Places places, Clock clock) {
        this.places = places;
        this.clock = clock;
    }

    @PermitAll
    public Matches match(MatchQuery asked) {
        MatchQuery query = asked.at().equals(java.time.Instant.EPOCH) ? asked.toBuilder().at(clock.instant()).build() : asked;
        ServiceIndex current = index;
        Province area = places.areaOf(query);
        Search.Found found = current.search(query, area);
        List<Relaxation> relaxations = found.total() == 0 ? relaxations(current, query, area) : List.of();
        return new Matches(query, found.results(), found.total(), relaxations, found.bundle(),
                toCoverTheRest(current, query, found, area));
    }

    /**
     * When services were found but none covers some of the needs asked, the nearest queries under
     * which some service covers each of them: a worker in Sudbury asking for a shelter, health care
     * and legal aid is shown the shelter and told that legal aid is found within 250 km and health
     * care within 500, not only "does not cover legal aid".
     */
    private static Map<NeedDomain, List<Relaxation>> toCoverTheRest(ServiceIndex index, MatchQuery query, Search.Found found,
            Province area) {
        Map<NeedDomain, List<Relaxation>> relaxations = new EnumMap<>(NeedDomain.class);
        for (NeedDomain need : Matches.uncovered(found.total(), found.bundle())) {
            List<Relaxation> forThisNeed = relaxations(index, query.toBuilder().domains(Set.of(need)).build(), area);
            if (!forThisNeed.isEmpty()) {
                relaxations.put(need, forThisNeed);
            }
        }
        return relaxations;
    }

    /** Whether the index holds the directory yet: at start-up, reading a big one takes a while. */
    @PermitAll
    public boolean isReady() {
        return index != NOT_BUILT_YET;
    }

    ServiceIndex index() {
        return index;
    }

    void use(ServiceIndex built) {
        index = built;
    }

    private static List<Relaxation> relaxations(ServiceIndex index, MatchQuery query, Province area) {
        List<Relaxation> relaxations = new ArrayList<>();
        for (Constraint constraint : query.constraints()) {
            if (constraint == Constraint.RADIUS) {
                Relaxation wider = widerRadius(index, query, area);
                if (wider != null) {
                    relaxations.add(wider);
                    continue;
                }
            }
            if (constraint == Constraint.TEXT) {
                respelled(index, query, area).ifPresent(relaxations::add);
                relaxations.addAll(withAWordLess(index, query, area));
            }
            MatchQuery relaxed = constraint.removedFrom(query);
            int total = count(index, relaxed, area);
            if (total > 0) {
                relaxations.add(Relaxation.dropping(Set.of(constraint), total, relaxed));
            }
        }
        return relaxations.isEmpty() ? givingUpInTurn(index, query, area) : relaxations;
    }

    /** When no constraint alone is to blame: give them up in turn, least essential first, until something is found. */
    private static List<Relaxation> givingUpInTurn(ServiceIndex index, MatchQuery query, Province area) {
        Set<Constraint> dropped = EnumSet.noneOf(Constraint.class);
        MatchQuery relaxed = query;
        for (Constraint constraint : query.constraints()) {
            relaxed = constraint.removedFrom(relaxed);
            dropped.add(constraint);
            int total = count(index, relaxed, area);
            if (total > 0) {
                return List.of(Relaxation.dropping(Set.copyOf(dropped), total, relaxed));
            }
        }
        return List.of();
    }

    /** The words as the person may have meant them ("shelter" for "shleter"), when those find something. */
    private static Optional<Relaxation> respelled(ServiceIndex index, MatchQuery query, Province area) {
        return Words.respelled(query.text()).map(words -> {
            MatchQuery respelled = query.toBuilder().text(words).build();
            return Relaxation.askingInstead(words, count(index, respelled, area), respelled);
        }).filter(relaxation -> relaxation.total() > 0);
    }

    /**
     * The words but one, for the two words whose absence finds most: "aide juridique" finds nothing
     * in an English-only directory, "juridique" alone does.
     */
    private static List<Relaxation> withAWordLess(ServiceIndex index, MatchQuery query, Province area) {
        List<String> typed = Words.typed(query.text()).stream().distinct().toList();
        if (typed.size() < 2) {
            return List.of();
        }
        List<Relaxation> fewer = new ArrayList<>();
        for (int left = 0; left < typed.size(); left++) {
            List<String> kept = new ArrayList<>(typed);
            kept.remove(left);
            MatchQuery relaxed = query.toBuilder().text(String.join(" ", kept)).build();
            int total = count(index, relaxed, area);
            if (total > 0) {
                fewer.add(Relaxation.askingInstead(relaxed.text(), total, relaxed));
            }
        }
        fewer.sort(Comparator.comparingInt(Relaxation::total).reversed());
        return fewer.subList(0, Math.min(2, fewer.size()));
    }

    private static int count(ServiceIndex index, MatchQuery query, Province area) {
        return index.count(query, area);
    }

    /**
     * The least of the wider radii that finds something. Asked only when the radius found nothing,
     * so no service without a site serves the province: the nearest site of a service meeting the
     * rest says which radius is the first to reach one.
     */
    private static Relaxation widerRadius(ServiceIndex index, MatchQuery query, Province area) {
        java.util.SortedSet<Double> radii = new java.util.TreeSet<>();
        Arrays.stream(WIDER_FACTORS).forEach(factor -> radii.add(query.radiusKm() * factor));
        Arrays.stream(WIDER_KM).filter(km -> km > query.radiusKm()).forEach(radii::add);
        double nearestKm = index.nearestKm(query);
        for (double radius : radii) {
            if (nearestKm <= radius) {
                MatchQuery wider = query.toBuilder().radius(radius).build();
                return new Relaxation(Set.of(Constraint.RADIUS), wider.radiusKm(), null, count(index, wider, area), wider);
            }
        }
        return null;
    }
}
