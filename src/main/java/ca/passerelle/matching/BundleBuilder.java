package ca.passerelle.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a few services that together cover every requested domain. Of the services covering the
 * same requested domains only the nearest counts; then, greedily, the one covering most of what is
 * still uncovered, the nearer on a tie. Written once, for the engine and for its oracle.
 */
final class BundleBuilder {

    private static final Comparator<Ranking.Candidate> NEAREST_FIRST = Comparator
            .comparingDouble((Ranking.Candidate c) -> Double.isNaN(c.distanceKm()) ? Double.MAX_VALUE : c.distanceKm())
            .thenComparing(Ranking.BEST_FIRST);

    private final int requested;
    private final Map<Integer, Ranking.Candidate> nearestByCoverage = new HashMap<>();

    /** {@code requested}: the bits of the requested domains, by {@code NeedDomain} ordinal. */
    BundleBuilder(int requested) {
        this.requested = requested;
    }

    /** {@code covered}: the service's domain bits. */
    void offer(int covered, Ranking.Candidate candidate) {
        int coverage = covered & requested;
        if (coverage != 0) {
            nearestByCoverage.merge(coverage, candidate, (a, b) -> NEAREST_FIRST.compare(a, b) <= 0 ? a : b);
        }
    }

    /** The chosen services, nearest first, and the requested domain bits none of them covers. */
    Chosen choose() {
        List<Ranking.Candidate> chosen = new ArrayList<>();
        int uncovered = requested;
        while (uncovered != 0) {
            Ranking.Candidate best = null;
            int bestCoverage = 0;
            int bestGain = 0;
            for (Map.Entry<Integer, Ranking.Candidate> option : nearestByCoverage.entrySet()) {
                int gain = Integer.bitCount(option.getKey() & uncovered);
                if (gain > bestGain || gain == bestGain && gain > 0 && NEAREST_FIRST.compare(option.getValue(), best) < 0) {
                    best = option.getValue();
                    bestCoverage = option.getKey();
                    bestGain = gain;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            uncovered &= ~bestCoverage;
        }
        chosen.sort(NEAREST_FIRST);
        return new Chosen(chosen, uncovered);
    }

    record Chosen(List<Ranking.Candidate> candidates, int uncovered) {
    }
}
