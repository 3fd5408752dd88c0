package ca.passerelle.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import ca.passerelle.directory.ServiceId;

/**
 * Chooses a few services that together cover every requested domain, as near as can be: the
 * bundle reaches only as far as the farthest of the services nearest to each domain (no bundle
 * covering everything can be nearer), and within that reach as few services as can cover it all,
 * greedily: the one covering most of what is still uncovered, the nearer on a tie. So a person in
 * Toronto is offered a shelter and a clinic in town before one service that does both 500 km away,
 * and the search never looks farther than the reach. Written once, for the engine and its oracle.
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
    /** For each requested domain, in order, the nearest service covering it. */
    private final Ranking.Candidate[] nearestCovering;
    /** The farthest of {@link #nearestCovering} once every requested domain is covered: nothing beyond it can join. */
    private Ranking.Candidate reach;

    /** {@code requested}: the bits of the requested domains, by {@code NeedDomain} ordinal. */
    BundleBuilder(int requested) {
        this.requested = requested;
        this.nearestByCoverage = new Ranking.Candidate[1 << Integer.bitCount(requested)];
        this.nearestCovering = new Ranking.Candidate[Integer.bitCount(requested)];
    }

    /** {@code covered}: the service's domain bits. */
    void offer(int covered, Ranking.Candidate candidate) {
        int coverage = Integer.compress(covered, requested);
        Ranking.Candidate nearest = nearestByCoverage[coverage];
        if (coverage == 0 || nearest != null && NEAREST_FIRST.compare(candidate, nearest) >= 0) {
            return;
        }
        nearestByCoverage[coverage] = candidate;
        for (int bits = coverage; bits != 0; bits &= bits - 1) {
            int domain = Integer.numberOfTrailingZeros(bits);
            if (nearestCovering[domain] == null || NEAREST_FIRST.compare(candidate, nearestCovering[domain]) < 0) {
                nearestCovering[domain] = candidate;
            }
        }
        reach = Arrays.asList(nearestCovering).contains(null) ? null : farthestOfTheNearest();
    }

    /**
     * Whether a service with these domains, scoring at most {@code score} and at least
     * {@code distanceKm} away (NaN: it has no site), could still replace the nearest of its coverage
     * within the bundle's reach.
     *
     * @param id null for "any service"
     */
    boolean mayTake(int covered, double score, double distanceKm, ServiceId id) {
        int coverage = Integer.compress(covered, requested);
        if (coverage == 0 || reach != null && compare(distanceKm, score, id, reach.distanceKm(), reach.score(), reach.id()) > 0) {
            return false;
        }
        Ranking.Candidate nearest = nearestByCoverage[coverage];
        return nearest == null || compare(distanceKm, score, id, nearest.distanceKm(), nearest.score(), nearest.id()) < 0;
    }

    private static int compare(double distanceKm, double score, ServiceId id, double otherDistanceKm, double otherScore,
            ServiceId otherId) {
        int order = Double.compare(Ranking.known(distanceKm), Ranking.known(otherDistanceKm));
        return order != 0 ? order : Ranking.compare(score, distanceKm, id, otherScore, otherDistanceKm, otherId);
    }

    /** The farthest of the services nearest to each domain, of the domains some service covers; null when none does. */
    private Ranking.Candidate farthestOfTheNearest() {
        Ranking.Candidate farthest = null;
        for (Ranking.Candidate nearest : nearestCovering) {
            if (nearest != null && (farthest == null || NEAREST_FIRST.compare(nearest, farthest) > 0)) {
                farthest = nearest;
            }
        }
        return farthest;
    }

    /** The chosen services, nearest first, and the requested domain bits none of them covers. */
    Chosen choose() {
        // the domains no service covers are left out of the reach: the bundle covers what it can
        Ranking.Candidate farthest = farthestOfTheNearest();
        List<Ranking.Candidate> chosen = new ArrayList<>();
        int uncovered = (1 << nearestCovering.length) - 1;
        while (farthest != null) {
            Ranking.Candidate best = null;
            int bestCoverage = 0;
            int bestGain = 0;
            for (int coverage = 1; coverage < nearestByCoverage.length; coverage++) {
                Ranking.Candidate option = nearestByCoverage[coverage];
                if (option == null || NEAREST_FIRST.compare(option, farthest) > 0) {
                    continue;
                }
                int gain = Integer.bitCount(coverage & uncovered);
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
        return new Chosen(chosen, Integer.expand(uncovered, requested));
    }

    record Chosen(List<Ranking.Candidate> candidates, int uncovered) {
    }
}
