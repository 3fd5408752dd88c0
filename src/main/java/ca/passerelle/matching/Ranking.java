package ca.passerelle.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import ca.passerelle.directory.Capacity;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * How well a service meets the whole need, and how a worker reads why. Written once, for the
 * engine and for the brute-force oracle that checks it.
 *
 * <p>Covering the requested domains weighs most; then distance, hours, capacity and whether the
 * service is made for people who have lived through trafficking. A service that says it is full
 * cannot take the person now: it ranks as if at least ten kilometres further than one that can,
 * so a worker at night calls first where there is a bed. A service named for the words typed ranks
 * above one whose texts only mention them ({@link #NAMED}). Distance never stops counting
 * ({@link #distancePoints}): across a province, the shelter an hour away comes before the one a day
 * away that only says more of itself.
 */
final class Ranking {

    /** A service that met every hard constraint, before it is explained. */
    record Candidate(IndexedService service, ServiceId id, double score, double distanceKm) {

        /** The id kept beside the service: comparing candidates reads it, and would otherwise go through two objects. */
        Candidate(IndexedService service, double score, double distanceKm) {
            this(service, service.card().id(), score, distanceKm);
        }
    }

    /** Best score first; then nearest (unknown distance last); then a stable order. */
    static final Comparator<Candidate> BEST_FIRST = (a, b) -> compare(a.score(), a.distanceKm(), a.id(), b.score(), b.distanceKm(), b.id());

    /** Points for what a service says of its capacity; one that says nothing ranks between waiting list and accepting. */
    private static final int ACCEPTING = 16;
    private static final int CAPACITY_NOT_SAID = 13;
    private static final int WAITLIST = 9;
    private static final int FULL = 0;

    /**
     * Points for a service whose name holds every word typed ("shelter" typed, "Emergency shelter"
     * named) over one whose texts only mention them ("we go with you to the shelter"): worth being
     * about ten kilometres nearer.
     */
    static final int NAMED = 15;

    /** The most points a service earns beyond its domains and distance: open all hours, accepting, made for trafficking. */
    static final int MOST_POINTS = 8 + ACCEPTING + 4;

    /** The distance points of a service without a site, which serves the area searched: as if about 18 km away. */
    private static final int UNPLACED_POINTS = 10;

    /** About where a site earns {@link #UNPLACED_POINTS}: a search meets the services without a site when it reaches that far. */
    static final double UNPLACED_AS_KM = 18;

    private Ranking() {
    }

    /**
     * {@link #BEST_FIRST} on plain values, so the engine can ask whether a service could still
     * rank before making anything for it.
     *
     * @param id null for "any service": it wins ties of score and distance
     */
    static int compare(double score, double distanceKm, ServiceId id, double otherScore, double otherDistanceKm, ServiceId otherId) {
        int order = Double.compare(otherScore, score);
        if (order == 0) {
            order = Double.compare(known(distanceKm), known(otherDistanceKm));
        }
        if (order == 0) {
            order = id == null ? -1 : otherId == null ? 1 : id.value().compareTo(otherId.value());
        }
        return order;
    }

    /** An unknown distance sorts after every known one. */
    static double known(double distanceKm) {
        return Double.isNaN(distanceKm) ? Double.MAX_VALUE : distanceKm;
    }

    /**
     * @param covered how many of the requested domains the service covers
     * @param distanceKm to its nearest site; NaN when unknown
     * @param points what the service earns beyond that: {@link #hoursPoints} and {@link #standingPoints}
     */
    static double score(MatchQuery query, int covered, double distanceKm, int points) {
        return score(domainPoints(query, covered), query.near() != null, distanceKm, points);
    }

    /** What covering this many of the requested domains is worth: a search works it out once for each count. */
    static double domainPoints(MatchQuery query, int covered) {
        return query.domains().isEmpty() ? 50 : 50.0 * covered / query.domains().size();
    }

    /** {@link #score(MatchQuery, int, double, int)} from its domain points, and whether a place was asked. */
    static double score(double domainPoints, boolean placeAsked, double distanceKm, int points) {
        double score = domainPoints;
        if (placeAsked) {
            score += Double.isNaN(distanceKm) ? UNPLACED_POINTS : distancePoints(distanceKm);
        }
        return score + points;
    }

    /**
     * 30 points at the place, halved by 10 km, and then a further 10 points lost each time the
     * distance grows tenfold beyond 100 km (3 at 100 km, 7 at 500, 10 at 1,000): nearness keeps
     * counting on the scale of a province, so a service a day's drive away no longer outranks one
     * in the next town by saying it is open all hours and accepting (28 points at most).
     */
    static double distancePoints(double distanceKm) {
        return 30 / (1 + distanceKm / 10) - 10 * Math.log10(1 + distanceKm / 100);
    }

    static int hoursPoints(boolean open247, boolean openNow) {
        return open247 ? 8 : openNow ? 5 : 0;
    }

    /**
     * Points for what a service says of its capacity, and for being made for people who lived
     * through trafficking, at the moment of a search: a capacity a day old or more ({@link
     * Capacity#oldAt}) counts as not said, so that "accepting" said last month does not outrank
     * "accepting" said this morning, nor "full" said last month sink a shelter that may have room.
     */
    static int standingPoints(Capacity capacity, boolean traffickingSpecific, Instant at) {
        return standingPoints(capacity == null || capacity.oldAt(at) ? null : capacity.status(), traffickingSpecific);
    }

    /** {@link #standingPoints(Capacity, boolean, Instant)} of a capacity just said, with this status (null: nothing said). */
    static int standingPoints(String capacityStatus, boolean traffickingSpecific) {
        Reason.Kind said = capacityKind(capacityStatus);
        int points = said == null ? CAPACITY_NOT_SAID : switch (said) {
            case ACCEPTING -> ACCEPTING;
            case WAITLIST -> WAITLIST;
            default -> FULL;
        };
        return points + (traffickingSpecific ? 4 : 0);
    }

    /**
     * What a worker reads about a result: its strengths first, then what it lacks.
     *
     * @param hours open now and until when, or closed now and when it opens; null when the service is
     *              open all hours or has no hours in the directory
     */
    static List<Reason> reasons(MatchQuery query, ServiceCard service, Set<NeedDomain> covered, Set<NeedDomain> missing,
            Double shownDistance, boolean confidentialSite, Reason hours, Reason capacity, Province area) {
        List<Reason> reasons = new ArrayList<>(16);
        if (service.open247()) {
            reasons.add(Reason.of(Reason.Kind.OPEN_24_7));
        } else if (hours != null) {
            reasons.add(hours);
        }
        if (shownDistance != null) {
            reasons.add(new Reason(confidentialSite ? Reason.Kind.ABOUT_DISTANCE : Reason.Kind.DISTANCE, shownDistance));
        } else if (query.near() != null && area != null) {
            reasons.add(new Reason(Reason.Kind.SERVES_AREA, area));
        }
        if (!query.languages().isEmpty()) { // most queries name none, and every result of every query is explained
            List<String> spoken = new ArrayList<>(service.languages());
            spoken.retainAll(query.languages());
            spoken.sort(null);
            spoken.forEach(language -> reasons.add(new Reason(Reason.Kind.SPEAKS, language)));
        }
        if (service.noStatusRequired()) {
            reasons.add(Reason.of(Reason.Kind.NO_STATUS_REQUIRED));
        }
        if (service.substanceUseAccessible()) {
            reasons.add(Reason.of(Reason.Kind.SUBSTANCE_USE_ACCESSIBLE));
        }
        if (service.traffickingSpecific()) {
            reasons.add(Reason.of(Reason.Kind.TRAFFICKING_SPECIFIC));
        }
        if (capacity != null) {
            reasons.add(capacity);
        }
        if (query.domains().size() > 1) {
            covered.forEach(domain -> reasons.add(new Reason(Reason.Kind.COVERS, domain)));
        }
        missing.forEach(domain -> reasons.add(new Reason(Reason.Kind.DOES_NOT_COVER, domain)));
        return reasons;
    }

    /**
     * What a worker reads of a service's capacity, or null when it tells nothing: {@link #reasons}
     * takes it. Said a day or more before the search, it carries the day it was said, so the worker
     * knows to call and check before sending a person there.
     */
    static Reason capacityReason(IndexedService service, Instant at) {
        Reason said = service.capacitySaid();
        return said == null || service.card().capacity().oldAt(at) ? said : Reason.of(said.kind());
    }

    /**
     * A capacity's reason with the day it was said in the service's time zone, or without one when
     * the directory does not know it; null when the capacity tells nothing. Worked out once a
     * service, when it is indexed: the day never changes, only whether it is old.
     */
    static Reason capacitySaid(Capacity capacity, ZoneId zone) {
        Reason.Kind said = capacityKind(capacity);
        if (said == null) {
            return null;
        }
        return capacity.updated() == null ? Reason.of(said) : new Reason(said, LocalDate.ofInstant(capacity.updated(), zone));
    }

    private static Reason.Kind capacityKind(Capacity capacity) {
        return capacityKind(capacity == null ? null : capacity.status());
    }

    private static Reason.Kind capacityKind(String status) {
        return switch (status == null ? "" : status) {
            case "accepting" -> Reason.Kind.ACCEPTING;
            case "waitlist" -> Reason.Kind.WAITLIST;
            case "full" -> Reason.Kind.FULL;
            default -> null;
        };
    }

    /**
     * The distance a person is shown: to 100 m for a public site; for a confidential one, to the
     * next 5 km, so no one can place a shelter by asking from several points.
     */
    static Double shownDistance(double distanceKm, boolean confidential) {
        if (Double.isNaN(distanceKm)) {
            return null;
        }
        return confidential ? Math.max(5, Math.ceil(distanceKm / 5) * 5) : Math.round(distanceKm * 10) / 10.0;
    }
}
