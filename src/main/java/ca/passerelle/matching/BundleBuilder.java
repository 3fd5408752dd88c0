package ca.passerelle.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ca.passerelle.directory.ServiceId;

/**
 * Chooses a few services that together cover every requested domain. Of the services covering the
 * same requested domains only the nearest counts; then, greedily, the one covering most of what is
 * still uncovered, the nearer on a tie. Written once, for the engine and for its oracle.
 */
final class BundleBuilder {

    private static final Comparator<Ranking.Candidate> NEAREST_FIRST = (a, b) -> compare(a.distanceKm(), a.score(), a.id(),
            b.distanceKm(), b.score(), b.id());

    private final int requested;
    /**
     * For each coverage (the requested domains a service covers, numbered by {@link Integer#compress}
     * against them), the nearest service with exactly it.
     */
    private final Ranking.Candidate[] nearestByCoverage;

    /** {@code requested}: the bits of the requested domains, by {@code NeedDomain} ordinal. */
    BundleBuilder(int requested) {
        this.requested = requested;
        this.nearestByCoverage = new Ranking.Candidate[1 << Integer.bitCount(requested)];
    }

    /** {@code covered}: the service's domain bits. */
    void offer(int covered, Ranking.Candidate candidate) {
        int coverage = Integer.compress(covered, requested);
        Ranking.Candidate nearest = nearestByCoverage[coverage];
        if (coverage != 0 && (nearest == null || NEAREST_FIRST.compare(candidate, nearest) < 0)) {
            nearestByCoverage[coverage] = candidate;
        }
    }

    /**
     * Whether a service with these domains, scoring at most {@code score} and at least
     * {@code distanceKm} away (NaN: it has no site), could still replace the nearest of its coverage.
     *
     * @param id null for "any service"
     */
    boolean mayTake(int covered, double score, double distanceKm, ServiceId id) {
        int coverage = Integer.compress(covered, requested);
        Ranking.Candidate nearest = nearestByCoverage[coverage];
        return coverage != 0 && (nearest == null
                || compare(distanceKm, score, id, nearest.distanceKm(), nearest.score(), nearest.id()) < 0);
    }

    private static int compare(double distanceKm, double score, ServiceId id, double otherDistanceKm, double otherScore,
            ServiceId otherId) {
        int order = Double.compare(Ranking.known(distanceKm), Ranking.known(otherDistanceKm));
        return order != 0 ? order : Ranking.compare(score, distanceKm, id, otherScore, otherDistanceKm, otherId);
    }

    /** The chosen services, nearest first, and the requested domain bits none of them covers. */
    Chosen choose() {
        List<Ranking.Candidate> chosen = new ArrayList<>();
        int uncovered = requested;
        while (uncovered != 0) {
            Ranking.Candidate best = null;
            int bestCoverage = 0;
            int bestGain = 0;
            for (int number = 1; number < nearestByCoverage.length; number++) {
                Ranking.Candidate option = nearestByCoverage[number];
                int coverage = Integer.expand(number, requested);
                int gain = option == null ? 0 : Integer.bitCount(coverage & uncovered);
                if (gain > bestGain || gain == bestGain && gain > 0 && NEAREST_FIRST.compare(option, best) < 0) {
                    best = option;
                    bestCoverage = coverage;
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
