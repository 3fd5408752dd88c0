package ca.passerelle.matching;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.IntStream;

import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * One query's ranking of the services the segments offer: the best few, the total the segments
 * count, and the bundle. Segments ask it first whether a service (or a whole group) could still
 * rank given a bound of its score and distance, so most services never cost more than that.
 */
final class Search {

    /** No two points on Earth are farther apart. */
    private static final double HALF_WAY_ROUND_KM = Math.PI * GeoPoint.EARTH_RADIUS_KM;
    /** The time zones of the country, numbered: a segment keeps a service's zone as a byte. */
    private static final List<ZoneId> ZONES = Arrays.stream(Province.values()).map(Province::zone).distinct().toList();
    private static final byte OPEN = 1;
    private static final byte CLOSED = 2;

    private final MatchQuery query;
    /** The query's words as searched ({@link Words#searched}): each segment reads them twice, to filter and to rank. */
    private final List<String> words;
    private final Province area;
    private final int requested;
    /** By how many of the requested domains a service covers: what that is worth. */
    private final double[] domainPoints;
    private final boolean placeAsked;
    private final int limit;
    private final PriorityQueue<Ranking.Candidate> best;
    /** The last of the best once there are {@code limit} of them: what a service must beat, read on every bound. */
    private Ranking.Candidate worst;
    /** Its score, or -infinity while there are fewer than {@code limit}: most bounds are decided by it alone. */
    private double worstScore = Double.NEGATIVE_INFINITY;
    private final BundleBuilder bundle;
    /** The query's moment as a minute of the week in each time zone: worked out once a zone, not once a service. */
    private final int[] minuteIn = new int[ZONES.size()];
    /** The hours patterns of the segment asked last, and by schedule whether each is open (0: not asked yet). */
    private WeeklyHours[] patternsAsked;
    private byte[] openSchedules;
    private int total;
    /** The query's moment, as {@link #nanosSinceEpoch}: whether capacities are old is asked of it. */
    private final long atNanos;
    /** What the services offered now earn for being named for the words typed: {@link Ranking#NAMED}, or nothing. */
    private int namedPoints;

    /** @param area the province {@code query.near()} is in: services without a site meet the place only if they serve it */
    Search(MatchQuery query, Province area) {
        this.query = query;
        this.words = query.text() == null ? List.of() : Words.searched(query.text());
        this.area = area;
        this.requested = IndexedService.bits(query.domains());
        this.domainPoints = IntStream.rangeClosed(0, query.domains().size()).mapToDouble(covered -> Ranking.domainPoints(query, covered))
                .toArray();
        this.placeAsked = query.near() != null;
        this.limit = query.limit();
        this.best = new PriorityQueue<>(query.limit() + 1, Ranking.BEST_FIRST.reversed());
        this.bundle = query.domains().size() > 1 ? new BundleBuilder(requested) : null;
        Arrays.fill(minuteIn, -1);
        this.atNanos = nanosSinceEpoch(query.at());
    }

    /** A moment as nanoseconds since 1970, exact from 1678 to 2262 and the nearest of those years beyond. */
    static long nanosSinceEpoch(Instant moment) {
        try {
            return Math.addExact(Math.multiplyExact(moment.getEpochSecond(), 1_000_000_000L), moment.getNano());
        } catch (ArithmeticException beyond) {
            return moment.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** Whether the query's moment is that one ({@link #nanosSinceEpoch}) or later. */
    boolean isAtOrAfter(long nanos) {
        return atNanos >= nanos;
    }

    static int zoneNumber(ZoneId zone) {
        return ZONES.indexOf(zone);
    }

    /** A number for opening hours (the {@code pattern}-th of a segment's) kept in a time zone: what {@link #isOpen} takes. */
    static int schedule(int pattern, ZoneId zone) {
        return pattern * ZONES.size() + zoneNumber(zone);
    }

    /**
     * Whether a {@link #schedule} of a segment's hours patterns is open at the query's moment. A
     * segment's services share a few schedules, so each is worked out once a query, the first time
     * it is asked; segments are searched one after the other.
     */
    boolean isOpen(WeeklyHours[] patterns, int schedule) {
        if (patterns != patternsAsked) {
            patternsAsked = patterns;
            openSchedules = new byte[patterns.length * ZONES.size()];
        }
        byte known = openSchedules[schedule];
        if (known == 0) {
            known = patterns[schedule / ZONES.size()].isOpenAt(minuteOfTheWeekIn(schedule % ZONES.size())) ? OPEN : CLOSED;
            openSchedules[schedule] = known;
        }
        return known == OPEN;
    }

    /** The words typed, as searched; none when the query has no text. */
    List<String> words() {
        return words;
    }

    /** The requested domains, as bits by {@code NeedDomain} ordinal. */
    int requested() {
        return requested;
    }

    /** Whether the best are as many as the query asked for: until then, any service ranks. */
    boolean hasTheBest() {
        return worst != null;
    }

    /** Adds services that meet every hard constraint to the total. */
    void count(int services) {
        total += services;
    }

    private int minuteOfTheWeekIn(int zone) {
        if (minuteIn[zone] < 0) {
            minuteIn[zone] = WeeklyHours.minuteOfWeek(query.at(), ZONES.get(zone));
        }
        return minuteIn[zone];
    }

    /**
     * Says whether the services a segment offers next, and bounds, are named for the words typed:
     * a segment ranks those apart, and every score and bound then counts their points.
     */
    void awardingNamed(boolean named) {
        namedPoints = named ? Ranking.NAMED : 0;
    }

    /** {@link Ranking#score} of a service with these domain bits. */
    double score(int domainBits, double distanceKm, int points) {
        return Ranking.score(domainPoints[Integer.bitCount(domainBits & requested)], placeAsked, distanceKm, points + namedPoints);
    }

    /**
     * Whether a service with these domains, scoring at most {@code score} and at least
     * {@code distanceKm} away (NaN: it has no site), could still rank among the best or in the bundle.
     */
    boolean mayRank(int domainBits, double score, double distanceKm) {
        return entersTheBest(score, distanceKm, null) || bundle != null && bundle.mayTake(domainBits, score, distanceKm, null);
    }

    /**
     * Whether any of a group of services could still rank, each earning at most {@code points}
     * beyond its domains and distance, at least {@code distanceKm} away, and with an id no lower
     * than {@code idAtLeast} (null: any id).
     *
     * @param coverages the coverages the group's services may have, each scored by its own domains:
     *                  bit {@code n} for the domain bits {@code Integer.expand(n, requested())}
     */
    boolean mayRankAny(long[] coverages, int points, double distanceKm, ServiceId idAtLeast) {
        for (int i = 0; i < coverages.length; i++) {
            for (long word = coverages[i]; word != 0; word &= word - 1) {
                if (mayTake(Integer.expand(i << 6 | Long.numberOfTrailingZeros(word), requested), points, distanceKm, idAtLeast)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The fewest points beyond its domains and distance a service with this coverage needs to still
     * rank, at least {@code distanceKm} away and with an id no lower than {@code idAtLeast}; -1 when
     * even {@code mostPoints} would not do.
     */
    int leastPointsToRank(int coverage, int mostPoints, double distanceKm, ServiceId idAtLeast) {
        if (!mayTake(coverage, mostPoints, distanceKm, idAtLeast)) {
            return -1;
        }
        int low = 0;
        int high = mostPoints;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (mayTake(coverage, middle, distanceKm, idAtLeast)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /**
     * About how far (to within 100 m) a service with one of these coverages (as {@link #mayRankAny} takes them), earning
     * {@code points}, could be and still rank; infinite when one could rank however far, as the
     * first of its coverage for the bundle.
     */
    double farthestToRank(long[] coverages, int points) {
        double farthest = 0;
        for (int i = 0; i < coverages.length; i++) {
            for (long word = coverages[i]; word != 0; word &= word - 1) {
                int coverage = Integer.expand(i << 6 | Long.numberOfTrailingZeros(word), requested);
                if (mayTake(coverage, points, HALF_WAY_ROUND_KM, null)) {
                    return Double.POSITIVE_INFINITY;
                }
                double near = farthest;
                double far = HALF_WAY_ROUND_KM;
                if (!mayTake(coverage, points, near, null)) {
                    continue;
                }
                while (far - near > 0.1) {
                    double middle = (near + far) / 2;
                    if (mayTake(coverage, points, middle, null)) {
                        near = middle;
                    } else {
                        far = middle;
                    }
                }
                farthest = far;
            }
        }
        return farthest;
    }

    private boolean mayTake(int coverage, int points, double distanceKm, ServiceId idAtLeast) {
        double score = score(coverage, distanceKm, points);
        return entersTheBest(score, distanceKm, idAtLeast) || bundle != null && bundle.mayTake(coverage, score, distanceKm, idAtLeast);
    }

    /**
     * A service measured exactly: kept if it ranks among the best so far or is the nearest of its
     * coverage. Its domain bits come from the segment's arrays: the service itself, far away in
     * memory, is only kept, never read here.
     */
    void offer(IndexedService service, ServiceId id, int domainBits, double score, double distanceKm) {
        boolean amongTheBest = entersTheBest(score, distanceKm, id);
        boolean forTheBundle = bundle != null && bundle.mayTake(domainBits, score, distanceKm, id);
        if (!amongTheBest && !forTheBundle) {
            return;
        }
        Ranking.Candidate candidate = new Ranking.Candidate(service, id, score, distanceKm);
        if (amongTheBest) {
            best.add(candidate);
            if (best.size() > limit) {
                best.poll();
            }
            worst = best.size() == limit ? best.peek() : null;
            worstScore = worst == null ? Double.NEGATIVE_INFINITY : worst.score();
        }
        if (forTheBundle) {
            bundle.offer(domainBits, candidate);
        }
    }

    private boolean entersTheBest(double score, double distanceKm, ServiceId id) {
        // scores are never NaN: unless they are equal, the higher one decides, without the ties' branches
        if (score != worstScore) {
            return score > worstScore;
        }
        return worst == null || Ranking.compare(score, distanceKm, id, worst.score(), worst.distanceKm(), worst.id()) < 0;
    }

    Found found() {
        List<Ranking.Candidate> ranked = new ArrayList<>(best);
        ranked.sort(Ranking.BEST_FIRST);
        List<Match> results = explained(ranked, false);
        Bundle chosen = null;
        if (bundle != null) {
            BundleBuilder.Chosen choice = bundle.choose();
            chosen = new Bundle(explained(choice.candidates(), true), IndexedService.domains(choice.uncovered()));
        }
        return new Found(results, total, chosen);
    }

    /**
     * The candidates as matches, each with its reasons. Each service lies somewhere else in the
     * heap: what is read the farthest into it (its hours, its capacity) is read first for all of
     * them, in a pass where no one waits on another, so the processor fetches them together rather
     * than one cache miss after another. A bundle's services say what each covers, not what it
     * lacks: the others cover that.
     */
    private List<Match> explained(List<Ranking.Candidate> candidates, boolean inTheBundle) {
        int size = candidates.size();
        Reason[] hours = new Reason[size];
        Reason[] capacity = new Reason[size];
        for (int i = 0; i < size; i++) {
            IndexedService service = candidates.get(i).service();
            if (!service.card().open247()) {
                hours[i] = hoursReason(service.hours(), minuteOfTheWeekIn(zoneNumber(service.zone())));
            }
            capacity[i] = Ranking.capacityReason(service, query.at());
        }
        List<Match> matches = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            matches.add(match(candidates.get(i), hours[i], capacity[i], inTheBundle));
        }
        return Collections.unmodifiableList(matches);
    }

    /**
     * Open now and until when, or closed now and when it opens; null without hours in the directory:
     * "closed now" would send a person away from a service that may be open.
     */
    private static Reason hoursReason(WeeklyHours hours, int minute) {
        if (hours.isOpenAt(minute)) {
            int closes = hours.closingAfter(minute);
            return closes < 0 ? Reason.of(Reason.Kind.OPEN_NOW) : new Reason(Reason.Kind.OPEN_NOW, WeeklyHours.closingAt(closes, minute));
        }
        int opens = hours.nextOpeningAfter(minute);
        return opens < 0 ? null : new Reason(Reason.Kind.CLOSED_NOW, WeeklyHours.openingAt(opens));
    }

    private Match match(Ranking.Candidate candidate, Reason hours, Reason capacity, boolean inTheBundle) {
        IndexedService service = candidate.service();
        boolean confidential = query.near() != null && service.hasConfidentialSite() && service.nearestTo(query.near()).confidential();
        Set<NeedDomain> covered = IndexedService.domains(service.domainBits() & requested);
        Set<NeedDomain> missing = IndexedService.domains(requested & ~service.domainBits());
        Double shown = Ranking.shownDistance(candidate.distanceKm(), confidential);
        return new Match(service.card(), candidate.score(), shown, covered, missing,
                Ranking.reasons(query, service.card(), covered, inTheBundle ? Set.of() : missing, shown, confidential, hours, capacity, area));
    }

    /** The best {@code query.limit()} services, the total meeting every hard constraint, and the bundle of a multi-need query. */
    record Found(List<Match> results, int total, Bundle bundle) {
    }
}
