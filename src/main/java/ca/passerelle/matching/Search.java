package ca.passerelle.matching;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * One query's pass over the services the segments offer: the last checks (age, gender, open now),
 * the score, the best few, the total and the bundle.
 */
final class Search {

    private final MatchQuery query;
    private final Province area;
    private final int requested;
    private final PriorityQueue<Ranking.Candidate> best;
    private final BundleBuilder bundle;
    /** The query's moment as a minute of the week in each time zone met so far: computed once a zone, not once a service. */
    private final Map<ZoneId, Integer> minuteIn = new HashMap<>();
    private int total;

    /** @param area the province {@code query.near()} is in: services without a site that serve it meet a radius */
    Search(MatchQuery query, Province area) {
        this.query = query;
        this.area = area;
        this.requested = IndexedService.bits(query.domains());
        this.best = new PriorityQueue<>(query.limit() + 1, Ranking.BEST_FIRST.reversed());
        this.bundle = query.domains().size() > 1 ? new BundleBuilder(requested) : null;
    }

    /** @param distanceKm to the service's nearest site, NaN when unknown */
    void consider(IndexedService service, double distanceKm, boolean confidential) {
        if (!service.takes(query.age(), query.gender())) {
            return;
        }
        boolean openNow = isOpenNow(service);
        if (query.openNow() && !openNow && !service.card().open247()) {
            return;
        }
        total++;
        double score = Ranking.score(query, Integer.bitCount(service.domainBits() & requested), distanceKm,
                service.card().open247(), openNow, service.card().capacity() == null ? null : service.card().capacity().status(),
                service.card().traffickingSpecific());
        boolean amongTheBest = entersTheBest(service, score, distanceKm);
        if (!amongTheBest && bundle == null) {
            return; // most services of a broad search: no object made for them
        }
        Ranking.Candidate candidate = new Ranking.Candidate(service, score, distanceKm);
        if (amongTheBest) {
            best.add(candidate);
            if (best.size() > query.limit()) {
                best.poll();
            }
        }
        if (bundle != null) {
            bundle.offer(service.domainBits(), candidate);
        }
    }

    /** Whether a service so scored would rank among the best so far: {@link Ranking#BEST_FIRST} on plain values. */
    private boolean entersTheBest(IndexedService service, double score, double distanceKm) {
        if (best.size() < query.limit()) {
            return true;
        }
        Ranking.Candidate worst = best.peek();
        if (score != worst.score()) {
            return score > worst.score();
        }
        double distance = Double.isNaN(distanceKm) ? Double.MAX_VALUE : distanceKm;
        double worstDistance = Double.isNaN(worst.distanceKm()) ? Double.MAX_VALUE : worst.distanceKm();
        if (distance != worstDistance) {
            return distance < worstDistance;
        }
        return service.card().id().value().compareTo(worst.id().value()) < 0;
    }

    private boolean isOpenNow(IndexedService service) {
        Integer minute = minuteIn.get(service.zone());
        if (minute == null) {
            minute = WeeklyHours.minuteOfWeek(ZonedDateTime.ofInstant(query.at(), service.zone()));
            minuteIn.put(service.zone(), minute);
        }
        return service.hours().isOpenAt(minute);
    }

    Found found() {
        List<Ranking.Candidate> ranked = new ArrayList<>(best);
        ranked.sort(Ranking.BEST_FIRST);
        List<Match> results = ranked.stream().map(this::match).toList();
        Bundle chosen = null;
        if (bundle != null) {
            BundleBuilder.Chosen choice = bundle.choose();
            Set<NeedDomain> uncovered = EnumSet.noneOf(NeedDomain.class);
            query.domains().stream().filter(d -> (choice.uncovered() & 1 << d.ordinal()) != 0).forEach(uncovered::add);
            chosen = new Bundle(choice.candidates().stream().map(this::match).toList(), uncovered);
        }
        return new Found(results, total, chosen);
    }

    private Match match(Ranking.Candidate candidate) {
        IndexedService service = candidate.service();
        boolean confidential = query.near() != null && service.sites().length > 0 && service.nearestTo(query.near()).confidential();
        Set<NeedDomain> covered = EnumSet.noneOf(NeedDomain.class);
        query.domains().stream().filter(d -> (service.domainBits() & 1 << d.ordinal()) != 0).forEach(covered::add);
        Double shown = Ranking.shownDistance(candidate.distanceKm(), confidential);
        boolean openNow = isOpenNow(service);
        return new Match(service.card(), candidate.score(), shown, covered, Ranking.missing(query, covered),
                Ranking.reasons(query, service.card(), covered, shown, confidential, openNow, area));
    }

    /** The best {@code query.limit()} services, the total meeting every hard constraint, and the bundle of a multi-need query. */
    record Found(List<Match> results, int total, Bundle bundle) {
    }
}
