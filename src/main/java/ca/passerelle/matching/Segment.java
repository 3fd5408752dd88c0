package ca.passerelle.matching;

import static ca.passerelle.matching.Bits.and;
import static ca.passerelle.matching.Bits.andNot;
import static ca.passerelle.matching.Bits.cardinality;
import static ca.passerelle.matching.Bits.clear;
import static ca.passerelle.matching.Bits.isSet;
import static ca.passerelle.matching.Bits.or;
import static ca.passerelle.matching.Bits.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Province;

/**
 * Part of the directory in memory, shaped for matching: one bit set per domain, province, language,
 * gender and yes/no facet (a query ANDs a handful of them, a few thousand long words), term postings
 * for free text and, apart, for the services' names, and sites in a {@link SiteGrid}. What ranking reads of each service
 * sits in arrays side by side, so a pass over thousands reads memory in order.
 *
 * <p>Services are numbered (their slots) in the grid's order of their first site, those without a
 * site last: the services of a cell or block are a run of slots, so a radius is counted and a cell
 * walked a word of 64 at a time, and the services a walk measures sit side by side in every array.
 * The {@link Facets} exist twice: by slot for queries with a place, and in id order for those
 * without, which rank by score alone and give ties to the lower id.
 *
 * <p>A query counts what meets it with bit sets alone, then ranks as little as it can: nearest
 * first from a place, block by block, opening a block's cells only when it holds more than a few
 * services that could still rank; without a place, in id order, stopping as soon as no service
 * left could rank. Groups whose best possible score could not rank are narrowed away with bit sets,
 * and a service is measured exactly only when its own bound could: first one without
 * trigonometry, then one without the arcsine. A query with words ranks the candidates named for
 * them first, as a group of its own whose every score and bound counts {@link Ranking#NAMED}
 * points more, then the others. The bit sets a query works in are lent by
 * {@link BitSets}, so it writes to memory already in the cache.
 *
 * <p>Immutable; a changed service is found by binary search in id order and hidden in a copy of
 * the segment's {@link Live} services, which the caller passes to each search.
 */
final class Segment {

    /** Candidates with a site fewer than one in this many sites are measured one by one rather than cell by cell. */
    private static final int FEW_ENOUGH_TO_MEASURE = 1_024;
    /** A block where at most this many services first met in it could still rank has them measured, rather than its cells opened. */
    private static final int FEW_IN_A_BLOCK = 16;
    /** How often a walk works out again what could still rank: every so many blocks and cells. */
    private static final int TIGHTEN_EVERY = 8;
    /** Once fewer services left could rank than one site in this many, a walk measures them wherever they are and stops. */
    private static final int FEW_ENOUGH_LEFT = 1_024;
    /**
     * After this many blocks and cells, a walk that has not yet found as many services as asked looks
     * at how many are left: what it seeks is not around the place (the place in one province, the
     * services in another, say), and walking to them would pass every block on the way.
     */
    private static final int LOOK_AROUND = 16;
    /** This many left then, or fewer, are sorted by distance and measured nearest first, and the walk stops. */
    private static final int FEW_ENOUGH_TO_SORT = 512;
    /** How often, at most, a walk narrows every service left rather than those where it is about to look. */
    private static final int NARROW_WHOLE_EVERY = 32;
    private static final int[] NO_SLOTS = {};
    /** Narrowing this many words or fewer goes word by word; more, coverage by coverage. */
    private static final int MANY_WORDS = 16;
    /** How many services a walk gathers before ranking them: enough for the processor to fetch them together. */
    private static final int MET_AT_ONCE = 32;

    private final IndexedService[] services;
    /** How many services have a site: slots below it, in the grid's order; those without one follow. */
    private final int placedSlots;
    /** The opening hours of the segment's services: they share a few patterns ({@link Facets#schedules} number them). */
    private final WeeklyHours[] hoursPatterns;
    /**
     * By slot: from when what the service says of its capacity is too old to rank by ({@link
     * Search#nanosSinceEpoch}); read only for a service whose points change then ({@link Facets#changeWhenOld}).
     */
    private final long[] capacityOldFrom;

    private final Live live;
    /** The facets by slot, for queries with a place, and in id order, for those without. */
    private final Facets bySlot;
    private final Facets byId;
    /** Free-text terms found in fewer than one service in 32, as lists of slots; the others are {@link Facets#byFrequentTerm}. */
    private final Map<String, int[]> byRareTerm = new HashMap<>();
    /** The same of the terms of the services' names: a service named for the words typed ranks higher. */
    private final Map<String, int[]> byRareNameTerm = new HashMap<>();
    private final SiteGrid grid;
    private final BitSets scratch;
    /** Each service's sites, slot by slot, where measuring reads them in a row: where each slot's start, and where they are. */
    private final int[] firstSites;
    /** Latitude, longitude and the cosine of the latitude of each site, side by side: measuring one reads one cache line. */
    private final double[] siteCoordinates;


    static final class Builder {
        private final List<IndexedService> services = new ArrayList<>();
        private final Map<String, Postings> terms = new HashMap<>();
        private final Map<String, Postings> nameTerms = new HashMap<>();
        /**
         * The postings of each word's forms ({@link Words#forms}), by word: a directory's words
         * repeat, so each one met costs a lookup, not a set of forms built and merged for every
         * service (which was a quarter of the time a build took).
         */
        private final Map<String, Postings[]> postingsByWord = new HashMap<>();
        private final Map<String, Postings[]> namePostingsByWord = new HashMap<>();
        private final IndexedService.Sharing sharing = new IndexedService.Sharing();

        Builder add(ServiceFacts facts) {
            int arrival = services.size();
            services.add(IndexedService.of(facts, sharing));
            post(arrival, facts.words(), postingsByWord, terms);
            post(arrival, IndexedService.names(facts), namePostingsByWord, nameTerms);
            return this;
        }

        private static void post(int arrival, String text, Map<String, Postings[]> byWord, Map<String, Postings> terms) {
            for (String word : Words.of(text)) {
                // a word met twice in a service is posted once: Postings ignores the same arrival again
                for (Postings postings : byWord.computeIfAbsent(word, w -> postingsOfForms(w, terms))) {
                    postings.add(arrival);
                }
            }
        }

        private static Postings[] postingsOfForms(String word, Map<String, Postings> terms) {
            return Words.forms(word).stream().map(form -> terms.computeIfAbsent(form, f -> new Postings()))
                    .toArray(Postings[]::new);
        }

        int size() {
            return services.size();
        }

        Segment build() {
            return new Segment(services, terms, nameTerms);
        }
    }

    static Segment of(Iterable<ServiceFacts> directory) {
        Builder builder = new Builder();
        directory.forEach(builder::add);
        return builder.build();
    }

    private Segment(List<IndexedService> arrived, Map<String, Postings> termsByArrival, Map<String, Postings> nameTermsByArrival) {
        int size = arrived.size();
        // slots in the grid's order of each service's first site, those without a site last; ties by id
        long[] firstSiteOrder = new long[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
            firstSiteOrder[i] = SiteGrid.orderOfFirst(arrived.get(i).sites());
        }
        Comparator<Integer> byServiceId = Comparator.comparing(i -> arrived.get(i).card().id().value());
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> firstSiteOrder[i]).thenComparing(byServiceId));
        int[] slotOfArrival = new int[size];
        for (int slot = 0; slot < size; slot++) {
            slotOfArrival[order[slot]] = slot;
        }
        Integer[] arrivalsById = order.clone();
        Arrays.sort(arrivalsById, byServiceId);
        int[] slotsById = new int[size];
        for (int position = 0; position < size; position++) {
            slotsById[position] = slotOfArrival[arrivalsById[position]];
        }
        bySlot = new Facets(size, null);
        byId = new Facets(size, slotsById);
        services = new IndexedService[size];
        Map<WeeklyHours, Integer> patterns = new HashMap<>();
        long[] active = new long[(size + 63) >>> 6];
        List<SiteGrid.Site> sites = new ArrayList<>();
        firstSites = new int[size + 1];
        capacityOldFrom = new long[size];
        int placed = 0;
        for (int slot = 0; slot < size; slot++) {
            IndexedService service = arrived.get(order[slot]);
            ServiceCard card = service.card();
            services[slot] = service;
            Instant oldFrom = card.capacity() == null ? null : card.capacity().oldFrom();
            int fresh = Ranking.standingPoints(card.capacity() == null ? null : card.capacity().status(), card.traffickingSpecific());
            int changeWhenOld = oldFrom == null ? 0 : Ranking.standingPoints((String) null, card.traffickingSpecific()) - fresh;
            capacityOldFrom[slot] = oldFrom == null ? Long.MAX_VALUE : Search.nanosSinceEpoch(oldFrom);
            int mostPoints = fresh + Math.max(0, changeWhenOld) + Ranking.hoursPoints(card.open247(), true);
            int schedule = Search.schedule(patterns.computeIfAbsent(service.hours(), hours -> patterns.size()), service.zone());
            set(active, slot, service.active());
            bySlot.add(slot, service, mostPoints, changeWhenOld, schedule);
            byId.add(slot, service, mostPoints, changeWhenOld, schedule);
            for (GeoPoint site : service.sites()) {
                sites.add(new SiteGrid.Site(site, slot));
            }
            placed += service.sites().length > 0 ? 1 : 0;
            firstSites[slot + 1] = sites.size();
        }
        placedSlots = placed;
        hoursPatterns = new WeeklyHours[patterns.size()];
        patterns.forEach((hours, number) -> hoursPatterns[number] = hours);
        termsByArrival.forEach((term, postings) -> index(term, postings.inSlots(slotOfArrival), f -> f.byFrequentTerm, byRareTerm));
        nameTermsByArrival.forEach((term, postings) -> index(term, postings.inSlots(slotOfArrival), f -> f.byFrequentNameTerm, byRareNameTerm));
        long[] activeById = new long[active.length];
        Bits.forEach(active, slot -> set(activeById, byId.indexOf(slot), true));
        live = new Live(active, activeById);
        grid = new SiteGrid(sites, placedSlots);
        scratch = new BitSets(active.length);
        siteCoordinates = new double[3 * sites.size()];
        for (int site = 0; site < sites.size(); site++) {
            GeoPoint point = sites.get(site).point();
            siteCoordinates[3 * site] = point.latitude();
            siteCoordinates[3 * site + 1] = point.longitude();
            siteCoordinates[3 * site + 2] = point.cosineOfLatitude();
        }
    }

    /** The services that are active: what a search may offer until some change. */
    Live active() {
        return live;
    }

    /**
     * Which services of this segment a search may offer, in both orders: the active ones, less those
     * changed since it was built. Services are hidden in a copy; the segment's own never changes.
     */
    final class Live {
        private final long[] bySlot;
        private final long[] byId;

        private Live(long[] bySlot, long[] byId) {
            this.bySlot = bySlot;
            this.byId = byId;
        }

        Live copy() {
            return new Live(bySlot.clone(), byId.clone());
        }

        /** Hides the service in this slot: only on a copy. */
        void hide(int slot) {
            Bits.clear(bySlot, slot);
            Bits.clear(byId, Segment.this.byId.indexOf(slot));
        }
    }

    /** Where the service is in this segment, or -1. */
    int slotOf(ServiceId id) {
        int low = 0;
        int high = services.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = byId.ids[middle].value().compareTo(id.value());
            if (order == 0) {
                return byId.slotAt(middle);
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    /**
     * Counts the services of this segment that are live and meet every hard constraint, and offers
     * the search those that could rank.
     *
     * @param live which services may be offered: {@link #active()}, less those changed since
     */
    void search(MatchQuery query, Province area, Live live, Search search) {
        try (BitSets.Lease lease = scratch.lease()) {
            if (query.near() == null) {
                searchWithoutPlace(query, live, search, lease);
            } else {
                searchNear(query, area, live, search, lease);
            }
        }
    }

    /** How many services of this segment are live and meet every hard constraint: {@link #search} without the ranking. */
    int count(MatchQuery query, Province area, Live live, Search search) {
        try (BitSets.Lease lease = scratch.lease()) {
            long[] candidates = candidates(query, bySlot, live.bySlot, search, lease);
            if (candidates == null) {
                return 0;
            }
            return query.near() == null ? cardinality(candidates) : nearby(query, area, candidates, lease).count();
        }
    }

    /**
     * How far the nearest site of a live service meeting every hard constraint but the radius is
     * from the query's place; infinite when no such service has a site.
     */
    double nearestKm(MatchQuery query, Live live, Search search) {
        try (BitSets.Lease lease = scratch.lease()) {
            long[] candidates = candidates(query, bySlot, live.bySlot, search, lease);
            if (candidates == null) {
                return Double.POSITIVE_INFINITY;
            }
            long[] placed = Bits.clearFrom(candidates, placedSlots);
            GeoPoint near = query.near();
            double nearCosine = near.cosineOfLatitude();
            double least = Double.POSITIVE_INFINITY;
            if (cardinality(placed) <= grid.size() / FEW_ENOUGH_TO_MEASURE) {
                for (int i = 0; i < placed.length; i++) {
                    for (long word = placed[i]; word != 0; word &= word - 1) {
                        least = Math.min(least, leastHaversine(i << 6 | Long.numberOfTrailingZeros(word), near, nearCosine));
                    }
                }
                return least == Double.POSITIVE_INFINITY ? least : GeoPoint.kilometresOfHaversine(least);
            }
            SiteGrid.NearestFirst walk = grid.nearestFirst(near);
            double leastKm = Double.POSITIVE_INFINITY;
            // every cell or block after one at least this far is at least as far
            for (int item = walk.next(); item != Integer.MIN_VALUE && walk.atLeastKm() <= leastKm; item = walk.next()) {
                if (item < 0) {
                    walk.open(~item, placed);
                    continue;
                }
                for (int site = grid.firstSite(item); site < grid.endOfSites(item); site++) {
                    double haversine = isSet(placed, grid.slot(site)) ? grid.haversine(site, near, nearCosine) : least;
                    if (haversine < least) {
                        least = haversine;
                        leastKm = GeoPoint.kilometresOfHaversine(least);
                    }
                }
            }
            return leastKm;
        }
    }

    private void searchWithoutPlace(MatchQuery query, Live live, Search search, BitSets.Lease lease) {
        long[] candidates = candidates(query, byId, live.byId, search, lease);
        if (candidates == null) {
            return;
        }
        search.count(cardinality(candidates));
        long[] named = search.words().isEmpty() ? null : named(search.words(), lease.copyOf(candidates), byId, lease);
        if (named != null) {
            andNot(candidates, named);
            search.awardingNamed(true);
            rankInIdOrderByHours(named, search, lease);
            search.awardingNamed(false);
        }
        rankInIdOrderByHours(candidates, search, lease);
    }

    /** Ranks a group, those open all hours first: they may earn more. Uses the group's set. */
    private void rankInIdOrderByHours(long[] candidates, Search search, BitSets.Lease lease) {
        long[] rest = andNot(lease.copyOf(candidates), byId.open247);
        rankInIdOrder(and(candidates, byId.open247), Ranking.hoursPoints(true, false), search, lease);
        rankInIdOrder(rest, Ranking.hoursPoints(false, true), search, lease);
    }

    private void searchNear(MatchQuery query, Province area, Live live, Search search, BitSets.Lease lease) {
        long[] candidates = candidates(query, bySlot, live.bySlot, search, lease);
        if (candidates == null) {
            return;
        }
        Nearby nearby = nearby(query, area, candidates, lease);
        int count = nearby.count();
        search.count(count);
        if (count == 0) {
            return;
        }
        long[] named = search.words().isEmpty() ? null : named(search.words(), nearby.all(lease), bySlot, lease);
        if (named != null) {
            Nearby namedNearby = nearby.of(named, lease);
            nearby = nearby.without(named);
            search.awardingNamed(true);
            rankNearestFirst(query, namedNearby, search, lease);
            search.awardingNamed(false);
        }
        rankNearestFirst(query, nearby, search, lease);
    }

    private void rankNearestFirst(MatchQuery query, Nearby nearby, Search search, BitSets.Lease lease) {
        if (nearby.few()) {
            rankFewNearestFirst(query.near(), nearby.placed(), search);
            rankUnplaced(nearby.unplaced(), search, lease);
        } else {
            rankNearestFirst(query.near(), query.radiusKm(), nearby.placed(), nearby.unplaced(), search, lease);
        }
    }

    /**
     * The candidates of a query with a place, within its radius if it has one: those with a site,
     * and those without one, which meet a place only when they serve its province.
     *
     * @param few whether so few have a site that measuring them one by one is cheaper than walking the grid
     */
    private record Nearby(long[] placed, long[] unplaced, boolean few) {

        int count() {
            return cardinality(placed) + cardinality(unplaced);
        }

        /** All of them, placed or not, in a set of their own. */
        long[] all(BitSets.Lease lease) {
            long[] all = lease.copyOf(placed);
            or(all, unplaced);
            return all;
        }

        /** Those of them in {@code some}, in sets of their own; as few, or fewer, than these. */
        Nearby of(long[] some, BitSets.Lease lease) {
            return new Nearby(and(lease.copyOf(placed), some), and(lease.copyOf(unplaced), some), few);
        }

        /** These without those in {@code some}, in the same sets. */
        Nearby without(long[] some) {
            return new Nearby(andNot(placed, some), andNot(unplaced, some), few);
        }
    }

    private Nearby nearby(MatchQuery query, Province area, long[] candidates, BitSets.Lease lease) {
        GeoPoint near = query.near();
        long[] placed = Bits.clearFrom(lease.copyOf(candidates), placedSlots);
        long[] unplaced = Bits.clearBelow(candidates, placedSlots);
        // a few candidates are measured one by one: walking the grid would read every site of the country
        boolean few = cardinality(placed) <= grid.size() / FEW_ENOUGH_TO_MEASURE;
        if (query.radiusKm() != null) {
            placed = few ? withinOneByOne(near, query.radiusKm(), placed, lease.empty())
                    : grid.within(near, query.radiusKm(), placed, lease.empty());
        }
        // a service without a site (a phone line, say) is near only the provinces it serves, whatever the radius
        unplaced = area == null ? lease.empty() : and(unplaced, bySlot.byProvince[area.ordinal()]);
        return new Nearby(placed, unplaced, few);
    }

    /** A term as a bit set in both facets' orders when one service in 32 or more holds it, else as its slots. */
    private void index(String term, int[] slots, Function<Facets, Map<String, long[]>> frequent, Map<String, int[]> rare) {
        if (slots.length >= services.length / 32) {
            bySlot.addFrequentTerm(frequent.apply(bySlot), term, slots);
            byId.addFrequentTerm(frequent.apply(byId), term, slots);
        } else {
            rare.put(term, slots);
        }
    }

    /** The slots of {@code placed} with a site within the radius, set in {@code within}, which has none set. */
    private long[] withinOneByOne(GeoPoint near, double radiusKm, long[] placed, long[] within) {
        double nearCosine = near.cosineOfLatitude();
        Bits.forEach(placed, slot -> set(within, slot, isWithin(slot, near, nearCosine, radiusKm)));
        return within;
    }

    /** The services every bit-set constraint allows, and open now if asked, or null when none is; in the facets' order. */
    private long[] candidates(MatchQuery query, Facets facets, long[] live, Search search, BitSets.Lease lease) {
        long[] candidates = lease.copyOf(live);
        if (!query.domains().isEmpty()) {
            and(candidates, union(query.domains().stream().map(domain -> facets.byDomain[domain.ordinal()]).toList(), lease));
        }
        if (query.province() != null) {
            and(candidates, facets.byProvince[query.province().ordinal()]);
        }
        if (!query.languages().isEmpty()) {
            and(candidates, union(query.languages().stream().map(facets.byLanguage::get).filter(Objects::nonNull).toList(), lease));
        }
        if (query.open247()) {
            and(candidates, facets.open247);
        }
        if (query.substanceUseAccessible()) {
            and(candidates, facets.substanceUseAccessible);
        }
        if (query.noStatusRequired()) {
            and(candidates, facets.noStatusRequired);
        }
        if (query.traffickingSpecific()) {
            and(candidates, facets.traffickingSpecific);
        }
        if (query.acceptingNewClients()) {
            and(candidates, facets.accepting);
        }
        if (query.gender() != null) {
            long[] taking = lease.copyOf(facets.anyGender);
            long[] named = facets.byGender.get(query.gender());
            if (named != null) {
                or(taking, named);
            }
            and(candidates, taking);
        }
        if (query.age() != null) {
            and(candidates, facets.taking(query.age()));
        }
        holdingEveryWord(candidates, search.words(), facets.byFrequentTerm, byRareTerm, facets, lease);
        if (query.openNow()) {
            Bits.forEach(andNot(lease.copyOf(candidates), facets.open247), index -> {
                if (!search.isOpen(hoursPatterns, facets.schedules[index])) {
                    clear(candidates, index);
                }
            });
        }
        return Bits.isEmpty(candidates) ? null : candidates;
    }

    /** Keeps in {@code services} those whose terms (of their texts, or of their names) hold every word, by any form it is sought by. */
    private static long[] holdingEveryWord(long[] services, List<String> words, Map<String, long[]> frequentTerms,
            Map<String, int[]> rareTerms, Facets facets, BitSets.Lease lease) {
        for (String word : words) {
            long[] any = lease.empty();
            for (String form : Words.sought(word)) {
                long[] frequent = frequentTerms.get(form);
                if (frequent != null) {
                    or(any, frequent);
                    continue;
                }
                for (int slot : rareTerms.getOrDefault(form, NO_SLOTS)) {
                    set(any, facets.indexOf(slot), true);
                }
            }
            and(services, any);
        }
        return services;
    }

    /**
     * Those of {@code among} named for the words typed, which rank {@link Ranking#NAMED} points
     * higher, kept in {@code among}; or null when none is. In the facets' order.
     */
    private long[] named(List<String> words, long[] among, Facets facets, BitSets.Lease lease) {
        long[] named = holdingEveryWord(among, words, facets.byFrequentNameTerm, byRareNameTerm, facets, lease);
        return Bits.isEmpty(named) ? null : named;
    }

    /**
     * Offers the search, in id order, each service whose best possible score could rank; stops as
     * soon as no service left could: every one left would lose a tie.
     *
     * @param group           in id order
     * @param mostHoursPoints what any of these services can earn for its hours
     */
    private void rankInIdOrder(long[] group, int mostHoursPoints, Search search, BitSets.Lease lease) {
        int mostPoints = Ranking.MOST_POINTS - Ranking.hoursPoints(true, false) + mostHoursPoints;
        Remaining remaining = new Remaining(byId, group, search.requested(), lease);
        for (int i = 0; i < group.length; i++) {
            long word = group[i];
            if (word == 0) {
                continue;
            }
            // every service left has this id or a higher one: it would lose a tie
            ServiceId next = byId.ids[i << 6 | Long.numberOfTrailingZeros(word)];
            if ((i & 63) == 63 && remaining.tighten(mostPoints, Double.NaN, next, search)) {
                remaining.keep(i << 6, group.length << 6); // the words before are done with
                word = group[i];
            }
            if (!search.mayRankAny(remaining.coverages, mostPoints, Double.NaN, next)) {
                return;
            }
            for (; word != 0; word &= word - 1) {
                int index = i << 6 | Long.numberOfTrailingZeros(word);
                // read in id order: most services stop at their bound, before anything is read by slot
                if (mayRankWith(byId.domainsAndMostPoints[index], Double.NaN, search)) {
                    offer(byId, index, Double.NaN, search);
                }
            }
        }
    }

    /**
     * Offers the search the placed services nearest first, block by block and, within the blocks
     * holding more than a few that could still rank, cell by cell, until nothing that far could
     * rank; the services without a site in turn, as if {@link Ranking#UNPLACED_AS_KM} away. A service
     * is met at the nearest block or cell holding one of its sites, so what bounds that block or cell
     * bounds all its sites.
     * When what it seeks is few and far, it sorts them instead ({@link #LOOK_AROUND}).
     */
    private void rankNearestFirst(GeoPoint near, Double radiusKm, long[] placed, long[] unplaced, Search search,
            BitSets.Lease lease) {
        Remaining remaining = new Remaining(bySlot, placed, search.requested(), lease);
        Meeting meeting = new Meeting(remaining, near, search);
        boolean unplacedRanked = false;
        SiteGrid.NearestFirst walk = grid.nearestFirst(near);
        int passed = 0;
        int narrowedWhole = -NARROW_WHOLE_EVERY;
        for (int item = walk.next(); item != Integer.MIN_VALUE; item = walk.next()) {
            double km = walk.atLeastKm();
            if (!unplacedRanked && km >= Ranking.UNPLACED_AS_KM) {
                rankUnplaced(unplaced, search, lease);
                unplacedRanked = true;
            }
            if (passed++ % TIGHTEN_EVERY == 0 && remaining.tighten(Ranking.MOST_POINTS, km, null, search)
                    && passed - narrowedWhole >= NARROW_WHOLE_EVERY) {
                // now and then everywhere, so the sites of services first met elsewhere are narrowed too
                remaining.keep(0, placedSlots);
                narrowedWhole = passed;
                if (cardinality(remaining.services) <= grid.size() / FEW_ENOUGH_LEFT) {
                    // so few could still rank that measuring them, wherever they are, costs less than walking on
                    meeting.meetAll(0, placedSlots, km);
                    meeting.rankMet(km);
                    break;
                }
            }
            if (passed == LOOK_AROUND && !search.hasTheBest() && Bits.atMost(remaining.services, FEW_ENOUGH_TO_SORT)) {
                rankFewNearestFirst(near, remaining.services, search);
                break;
            }
            // everything left is at least this far
            if (radiusKm != null && km > radiusKm || !search.mayRankAny(remaining.coverages, Ranking.MOST_POINTS, km, null)) {
                break;
            }
            if (item >= 0) {
                remaining.keep(grid.firstSlot(item), grid.endOfSlots(item));
                meeting.meetAll(grid.firstSlot(item), grid.endOfSlots(item), km);
                for (int site = grid.firstSite(item); site < grid.firstOwnSite(item); site++) {
                    meeting.meet(grid.slot(site), km);
                }
                meeting.rankMet(km);
                continue;
            }
            int block = ~item;
            int first = grid.firstBlockSlot(block);
            int end = grid.endOfBlockSlots(block);
            remaining.keep(first, end);
            if (Bits.cardinality(remaining.services, first, end) > FEW_IN_A_BLOCK) {
                walk.open(block, remaining.services); // its cells will meet the services first met elsewhere with a site in it
                continue;
            }
            meeting.meetAll(first, end, km);
            for (int position = grid.firstStranger(block); position < grid.endOfStrangers(block); position++) {
                meeting.meet(grid.stranger(position), km);
            }
            meeting.rankMet(km);
        }
        if (!unplacedRanked) {
            rankUnplaced(unplaced, search, lease);
        }
    }

    /**
     * Offers the search a few placed services in order of a lower bound of their distance, worked
     * out without trigonometry, until none left could rank that far: the best fill with the nearest,
     * so the bound rules most of the others out before they are measured.
     */
    private void rankFewNearestFirst(GeoPoint near, long[] placed, Search search) {
        double nearCosine = near.cosineOfLatitude();
        long[] byBound = new long[cardinality(placed)];
        int count = 0;
        for (int i = 0; i < placed.length; i++) {
            for (long word = placed[i]; word != 0; word &= word - 1) {
                int slot = i << 6 | Long.numberOfTrailingZeros(word);
                float bound = (float) SiteGrid.kilometresAtLeast(leastHaversineAtLeast(slot, near, nearCosine));
                // a float and its slot in one long, sorted by the float: positive floats sort as their bits do
                byBound[count++] = (long) Float.floatToRawIntBits(Math.max(0, Math.nextDown(bound))) << 32 | slot;
            }
        }
        Arrays.sort(byBound);
        long[] anyCoverage = coverages(search.requested());
        for (int i = 0; i < count; i++) {
            double atLeastKm = Float.intBitsToFloat((int) (byBound[i] >>> 32));
            // asked now and then: it weighs every coverage
            if (i % 16 == 0 && !search.mayRankAny(anyCoverage, Ranking.MOST_POINTS, atLeastKm, null)) {
                return;
            }
            measure((int) byBound[i], atLeastKm, near, nearCosine, search);
        }
    }

    /**
     * The services a walk meets where it is (a cell or block), gathered, then ranked together. Once
     * narrowed they lie far apart in the arrays, a cache miss each: bounding the sites of all those
     * gathered in one pass, with no branch on what it reads, lets the processor fetch them at once
     * rather than one after another. A service met is not met again.
     */
    private final class Meeting {
        private final Remaining remaining;
        private final GeoPoint near;
        private final double nearCosine;
        private final Search search;
        private final int[] slots = new int[MET_AT_ONCE];
        private final int[] domainsAndMostPoints = new int[MET_AT_ONCE];
        /** A lower bound of the haversine of each one's first site: its others are read only if it could rank. */
        private final double[] firstSiteAtLeast = new double[MET_AT_ONCE];
        private int met;

        Meeting(Remaining remaining, GeoPoint near, Search search) {
            this.remaining = remaining;
            this.near = near;
            this.nearCosine = near.cosineOfLatitude();
            this.search = search;
        }

        /** {@link #meet} each service left from slot {@code from} to {@code to}. */
        void meetAll(int from, int to, double km) {
            Bits.forEach(remaining.services, from, to, slot -> meet(slot, km));
        }

        /** A service with a site where the walk is, at least {@code km} away: gathered if still to rank. */
        void meet(int slot, double km) {
            if (isSet(remaining.services, slot)) {
                clear(remaining.services, slot);
                slots[met++] = slot;
                if (met == MET_AT_ONCE) {
                    rankMet(km);
                }
            }
        }

        /** Ranks the services gathered, each at least {@code km} away: ruled out for good, or measured at its nearest site. */
        void rankMet(double km) {
            // what the bounds read, first for all of them at once: most of it is cache misses
            for (int i = 0; i < met; i++) {
                domainsAndMostPoints[i] = bySlot.domainsAndMostPoints[slots[i]];
                int site = firstSites[slots[i]];
                firstSiteAtLeast[i] = SiteGrid.haversineAtLeast(near.latitude(), near.longitude(), nearCosine,
                        siteCoordinates[3 * site], siteCoordinates[3 * site + 1], siteCoordinates[3 * site + 2]);
            }
            for (int i = 0; i < met; i++) {
                int slot = slots[i];
                if (mayRankWith(domainsAndMostPoints[i], km, search)) {
                    double atLeast = Math.min(firstSiteAtLeast[i],
                            least(SiteGrid::haversineAtLeast, firstSites[slot] + 1, firstSites[slot + 1], near, nearCosine));
                    measure(slot, Math.max(km, SiteGrid.kilometresAtLeast(atLeast)), near, nearCosine, search);
                }
            }
            met = 0;
        }
    }

    /** Services without a site: with a place asked, they rank as if 20 km away. */
    private void rankUnplaced(long[] unplaced, Search search, BitSets.Lease lease) {
        Remaining remaining = new Remaining(bySlot, unplaced, search.requested(), lease);
        remaining.tighten(Ranking.MOST_POINTS, Double.NaN, null, search);
        remaining.keep(placedSlots, services.length);
        Bits.forEach(unplaced, placedSlots, services.length, slot -> {
            if (mayRank(slot, Double.NaN, search)) {
                offer(bySlot, slot, Double.NaN, search);
            }
        });
    }

    private boolean mayRank(int slot, double atLeastKm, Search search) {
        return mayRankWith(bySlot.domainsAndMostPoints[slot], atLeastKm, search);
    }

    /** {@link #mayRank} of a service by its {@link Facets#domainsAndMostPoints}. */
    private static boolean mayRankWith(int packed, double atLeastKm, Search search) {
        int domainBits = packed & Facets.DOMAIN_BITS;
        return search.mayRank(domainBits, search.score(domainBits, atLeastKm, Facets.mostPoints(packed)), atLeastKm);
    }

    /**
     * The services of a group still to rank, and the coverages still open with the fewest points a
     * service of each needs: a service within the group's bounds with fewer could neither enter the
     * best few nor replace the bundle's nearest. As the best fill up, the group narrows (services
     * covering one of three requested domains drop out once a third of the domain points cannot
     * win; far from the point, only those earning the most points stay), a run of words at a time:
     * where a walk is about to look, or what a pass has still to read.
     */
    private final class Remaining {
        private final Facets facets;
        /** Narrowed in place, in the facets' order. */
        final long[] services;
        /** The coverages still open, numbered as {@link Search#mayRankAny} takes them. */
        long[] coverages;
        private final int requested;
        /** The requested domains' ordinals. */
        private final int[] domains;
        /** By coverage number: the fewest points a service with it needs, or -1 when none could rank. */
        private final int[] leastPoints;
        /** What narrowing reads, worked out again when the coverages change. */
        private Keeping keeping;
        private final BitSets.Lease lease;
        /** Where narrowing many words gathers what it keeps: lent once, then cleared a run at a time. */
        private long[] kept;

        Remaining(Facets facets, long[] services, int requested, BitSets.Lease lease) {
            this.facets = facets;
            this.services = services;
            this.lease = lease;
            this.coverages = coverages(requested);
            this.requested = requested;
            this.domains = ordinals(requested);
            this.leastPoints = new int[1 << domains.length];
        }

        /**
         * Works out again which coverages are still open and the fewest points each needs, from
         * bounds of every service left as {@link Search#mayRankAny} takes them; whether any changed.
         */
        boolean tighten(int points, double distanceKm, ServiceId idAtLeast, Search search) {
            long[] open = new long[coverages.length];
            boolean same = true;
            for (int c = 0; c < coverages.length; c++) {
                for (long bits = coverages[c]; bits != 0; bits &= bits - 1) {
                    int number = c << 6 | Long.numberOfTrailingZeros(bits);
                    int least = search.leastPointsToRank(Integer.expand(number, requested), points, distanceKm, idAtLeast);
                    same &= least == leastPoints[number];
                    leastPoints[number] = least;
                    if (least >= 0) {
                        open[c] |= 1L << number;
                    }
                }
            }
            coverages = open;
            if (!same && domains.length <= 3) {
                keeping = keeping();
            }
            return !same;
        }

        /** Drops from indices {@code from} to {@code to} (and the rest of their first and last words) what the coverages rule out. */
        void keep(int from, int to) {
            if (from >= to) {
                return;
            }
            if (domains.length > 3) {
                Bits.forEach(services, from, to, this::keeps);
                return;
            }
            if (keeping == null) {
                keeping = keeping();
            }
            keepCovering(from >>> 6, ((to - 1) >>> 6) + 1);
        }

        /** Whether the service at this index is still to rank, dropping it when the coverages rule it out. */
        boolean keeps(int index) {
            if (!isSet(services, index)) {
                return false;
            }
            int packed = facets.domainsAndMostPoints[index];
            int least = leastPoints[Integer.compress(packed & Facets.DOMAIN_BITS, requested)];
            if (least < 0 || Facets.mostPoints(packed) < least) {
                clear(services, index);
                return false;
            }
            return true;
        }

        private Keeping keeping() {
            int open = cardinality(coverages);
            long[][] earning = new long[open][];
            long[][] flips = new long[3][open];
            int n = 0;
            for (int w = 0; w < coverages.length; w++) {
                for (long bits = coverages[w]; bits != 0; bits &= bits - 1) {
                    int number = w << 6 | Long.numberOfTrailingZeros(bits);
                    int coverage = Integer.expand(number, requested);
                    earning[n] = facets.earningAtLeast[leastPoints[number]];
                    for (int d = 0; d < domains.length; d++) {
                        flips[d][n] = (coverage >> domains[d] & 1) != 0 ? 0 : -1L;
                    }
                    n++;
                }
            }
            return new Keeping(domains.length > 0 ? facets.byDomain[domains[0]] : facets.all,
                    domains.length > 1 ? facets.byDomain[domains[1]] : facets.all,
                    domains.length > 2 ? facets.byDomain[domains[2]] : facets.all, earning, flips[0], flips[1], flips[2]);
        }

        /**
         * Up to three requested domains: a service stays if it covers exactly one of the open
         * coverages and earns enough for it, in plain bitwise work (a domain the coverage lacks is
         * read flipped; a domain not asked is read as all ones). A few words are done word by word,
         * many coverage by coverage, in loops the JIT turns into vector instructions.
         */
        private void keepCovering(int fromWord, int toWord) {
            Keeping k = keeping;
            long[] a = k.a;
            long[] b = k.b;
            long[] c = k.c;
            if (toWord - fromWord <= MANY_WORDS) {
                for (int i = fromWord; i < toWord; i++) {
                    long word = services[i];
                    long keep = 0;
                    for (int n = 0; word != 0 && n < k.earning.length; n++) {
                        keep |= k.earning[n][i] & (a[i] ^ k.flipsA[n]) & (b[i] ^ k.flipsB[n]) & (c[i] ^ k.flipsC[n]);
                    }
                    services[i] = word & keep;
                }
                return;
            }
            if (kept == null) {
                kept = lease.empty();
            } else {
                Arrays.fill(kept, fromWord, toWord, 0);
            }
            for (int n = 0; n < k.earning.length; n++) {
                long[] earningEnough = k.earning[n];
                long flipA = k.flipsA[n];
                long flipB = k.flipsB[n];
                long flipC = k.flipsC[n];
                for (int i = fromWord; i < toWord; i++) {
                    kept[i] |= services[i] & earningEnough[i] & (a[i] ^ flipA) & (b[i] ^ flipB) & (c[i] ^ flipC);
                }
            }
            System.arraycopy(kept, fromWord, services, fromWord, toWord - fromWord);
        }
    }

    /**
     * What narrowing up to three requested domains reads for each open coverage: the services
     * covering each domain (all of them for a domain not asked), those earning enough for the
     * coverage, and whether each domain is read flipped (the coverage lacks it).
     */
    private record Keeping(long[] a, long[] b, long[] c, long[][] earning, long[] flipsA, long[] flipsB, long[] flipsC) {
    }

    /** Offers a placed service at least {@code atLeastKm} away, measured exactly only when that bound and then its haversine's could rank. */
    private void measure(int slot, double atLeastKm, GeoPoint near, double nearCosine, Search search) {
        if (!mayRank(slot, atLeastKm, search)) {
            return;
        }
        double haversine = leastHaversine(slot, near, nearCosine);
        if (!mayRank(slot, SiteGrid.kilometresAtLeast(haversine), search)) {
            return;
        }
        double distance = GeoPoint.kilometresOfHaversine(haversine);
        if (mayRank(slot, distance, search)) {
            offer(bySlot, slot, distance, search);
        }
    }

    /**
     * Offers the search a service at this distance (NaN: none) if its exact score could rank: open
     * now is asked of its hours only then, whether its capacity is old only if that changes its
     * points, and the service itself (its id breaks ties) read last.
     */
    private void offer(Facets facets, int index, double distance, Search search) {
        int packed = facets.domainsAndMostPoints[index];
        int slot = facets.slotAt(index);
        boolean allHours = isSet(facets.open247, index);
        int points = Facets.mostPoints(packed);
        if (!allHours && !search.isOpen(hoursPatterns, facets.schedules[index])) {
            points -= Ranking.hoursPoints(false, true);
        }
        int changeWhenOld = Facets.changeWhenOld(packed);
        if (changeWhenOld != 0) {
            // the most points counted the better of fresh and old: take off the other's shortfall
            points -= search.isAtOrAfter(capacityOldFrom[slot]) ? Math.max(0, -changeWhenOld) : Math.max(0, changeWhenOld);
        }
        int domains = packed & Facets.DOMAIN_BITS;
        double score = search.score(domains, distance, points);
        if (search.mayRank(domains, score, distance)) {
            search.offer(services[slot], facets.ids[index], domains, score, distance);
        }
    }

    /** Whether a site of the service is within the radius. */
    private boolean isWithin(int slot, GeoPoint near, double nearCosine, double radiusKm) {
        for (int site = firstSites[slot]; site < firstSites[slot + 1]; site++) {
            if (SiteGrid.isWithin(near, nearCosine, siteCoordinates[3 * site], siteCoordinates[3 * site + 1],
                    siteCoordinates[3 * site + 2], radiusKm)) {
                return true;
            }
        }
        return false;
    }

    /** The haversine of the service's nearest site, NaN when it has none. */
    private double leastHaversine(int slot, GeoPoint near, double nearCosine) {
        return least(GeoPoint::haversine, slot, near, nearCosine);
    }

    /** A lower bound of {@link #leastHaversine}, without trigonometry: {@link SiteGrid#haversineAtLeast}. */
    private double leastHaversineAtLeast(int slot, GeoPoint near, double nearCosine) {
        return least(SiteGrid::haversineAtLeast, slot, near, nearCosine);
    }

    /** The least of a measure from the point to each of the service's sites, NaN when it has none. */
    private double least(Haversine measure, int slot, GeoPoint near, double nearCosine) {
        double least = least(measure, firstSites[slot], firstSites[slot + 1], near, nearCosine);
        return least == Double.POSITIVE_INFINITY ? Double.NaN : least;
    }

    private double least(Haversine measure, int from, int to, GeoPoint near, double nearCosine) {
        double least = Double.POSITIVE_INFINITY;
        for (int site = from; site < to; site++) {
            least = Math.min(least, measure.between(near.latitude(), near.longitude(), nearCosine, siteCoordinates[3 * site],
                    siteCoordinates[3 * site + 1], siteCoordinates[3 * site + 2]));
        }
        return least;
    }

    /** {@link GeoPoint#haversine}, or a bound of it: two points, each with the cosine of its latitude. */
    @FunctionalInterface
    private interface Haversine {
        double between(double latitude, double longitude, double cosine, double otherLatitude, double otherLongitude, double otherCosine);
    }

    /**
     * The coverages (which of the requested domains a service covers) a search starts with, as bits
     * numbered by {@link Integer#compress} against the requested domains: without domains, every
     * candidate covers none; with one, every candidate covers it; with more, any combination is
     * taken to exist. Looking for those that do cost more than the walking it saved.
     */
    private static long[] coverages(int requested) {
        int patterns = 1 << Integer.bitCount(requested);
        long[] coverages = new long[(patterns + 63) >>> 6];
        set(coverages, 0, requested == 0);
        for (int pattern = 1; pattern < patterns; pattern++) {
            set(coverages, pattern, true);
        }
        return coverages;
    }

    /** The ordinals of the domains in these domain bits, in order. */
    private static int[] ordinals(int domainBits) {
        int[] ordinals = new int[Integer.bitCount(domainBits)];
        for (int bits = domainBits, i = 0; bits != 0; bits &= bits - 1) {
            ordinals[i++] = Integer.numberOfTrailingZeros(bits);
        }
        return ordinals;
    }

    /** The union of these bit sets: the set itself when there is one, not a copy. */
    private static long[] union(List<long[]> sets, BitSets.Lease lease) {
        if (sets.size() == 1) {
            return sets.getFirst();
        }
        long[] any = lease.empty();
        sets.forEach(set -> or(any, set));
        return any;
    }

    /** A growing list of the services (by arrival) a term is found in. */
    private static final class Postings {
        private int[] slots = new int[4];
        private int size;

        void add(int slot) {
            if (size > 0 && slots[size - 1] == slot) {
                return;
            }
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }

        /** The same services as slots of the segment, in increasing order. */
        int[] inSlots(int[] slotOfArrival) {
            int[] mapped = new int[size];
            for (int i = 0; i < size; i++) {
                mapped[i] = slotOfArrival[slots[i]];
            }
            Arrays.sort(mapped);
            return mapped;
        }
    }
}
