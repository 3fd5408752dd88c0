package ca.passerelle.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * Part of the directory in memory, shaped for matching: one bit set per domain, province, language,
 * gender and yes/no facet (a query ANDs a handful of them, a few thousand long words), term postings
 * for free text, and sites in a {@link SiteGrid}. What ranking reads of each service
 * sits in arrays side by side, so a pass over thousands reads memory in order.
 *
 * <p>A query counts what meets it with bit sets alone, then ranks as little as it can: groups of
 * services (the open-all-hours, then the rest; or grid cells, nearest first) are skipped whole when
 * even their best possible score could not rank, and a service is measured exactly only when its
 * own bound could: first one without trigonometry, then one without the arcsine. The bit sets a
 * query works in are lent by {@link BitSets}, so it writes to memory already in the cache.
 *
 * <p>Immutable; services are in id order, so a changed one is found by binary search and hidden by
 * clearing its bit in the live set the caller passes.
 */
final class Segment {

    private static final int OLDEST = 120;
    /** Candidates with a site fewer than one in this many sites are measured one by one rather than cell by cell. */
    private static final int FEW_ENOUGH_TO_MEASURE = 256;
    /** The distance at which a service without a site scores the same: {@link Ranking#score} gives it 10 of 30 points. */
    private static final double UNPLACED_RANK_AS_KM = 20;
    private static final int[] NO_SLOTS = {};
    private static final int MOST_POINTS_SHIFT = 16;
    private static final int DOMAIN_BITS = (1 << MOST_POINTS_SHIFT) - 1;

    private final IndexedService[] services;
    /** Each slot's service id, read without going through the service: ties go to the lower id. */
    private final ServiceId[] ids;
    /**
     * Each slot's domain bits, and from bit {@link #MOST_POINTS_SHIFT} the most points it can earn
     * beyond its domains and distance (standing, and hours at best): bounds read both at once.
     */
    private final int[] domainsAndMostPoints;
    /** The same, site by site in the grid's order: walking a cell reads them in a row, not one slot here and one there. */
    private final int[] domainsAndMostPointsBySite;
    private final byte[] standingPoints;
    private final byte[] zones;
    /** Each slot's opening hours, as a number in {@link #hoursPatterns}: services share a few patterns. */
    private final int[] hoursOf;
    private final WeeklyHours[] hoursPatterns;
    private final short[] minimumAges;
    private final short[] maximumAges;

    private final long[] active;
    private final long[][] byDomain = new long[NeedDomain.values().length][];
    private final long[][] byProvince = new long[Province.values().length][];
    private final Map<String, long[]> byLanguage = new HashMap<>();
    private final Map<String, long[]> byGender = new HashMap<>();
    private final long[] anyGender;
    private final AtomicReferenceArray<long[]> byAge = new AtomicReferenceArray<>(OLDEST + 1);
    private final long[] open247;
    private final long[] substanceUseAccessible;
    private final long[] noStatusRequired;
    private final long[] traffickingSpecific;
    private final long[] accepting;
    private final long[] withoutSites;
    /** By points: the services that can earn at least that many beyond their domains and distance (capacity, standing, hours). */
    private final long[][] earningAtLeast = new long[Ranking.MOST_POINTS + 1][];
    /** Free-text terms: those found in one service in 32 or more as bit sets (no bigger than their list), the others as slot lists. */
    private final Map<String, long[]> byFrequentTerm = new HashMap<>();
    private final Map<String, int[]> byRareTerm = new HashMap<>();
    private final SiteGrid grid;
    private final BitSets scratch;
    /** Each service's sites, slot by slot, where measuring reads them in a row: where each slot's start, and where they are. */
    private final int[] firstSites;
    /** Latitude, longitude and the cosine of the latitude of each site, side by side: measuring one reads one cache line. */
    private final double[] siteCoordinates;


    static final class Builder {
        private final List<IndexedService> services = new ArrayList<>();
        private final Map<String, Postings> terms = new HashMap<>();
        private final IndexedService.Sharing sharing = new IndexedService.Sharing();

        Builder add(ServiceFacts facts) {
            int arrival = services.size();
            services.add(IndexedService.of(facts, sharing));
            for (String term : Words.terms(facts.words())) {
                terms.computeIfAbsent(term, t -> new Postings()).add(arrival);
            }
            return this;
        }

        int size() {
            return services.size();
        }

        Segment build() {
            return new Segment(services, terms);
        }
    }

    static Segment of(Iterable<ServiceFacts> directory) {
        Builder builder = new Builder();
        directory.forEach(builder::add);
        return builder.build();
    }

    private Segment(List<IndexedService> arrived, Map<String, Postings> termsByArrival) {
        int size = arrived.size();
        // slots in id order, so a changed service is found by binary search
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> arrived.get(a).card().id().value().compareTo(arrived.get(b).card().id().value()));
        int[] slotOfArrival = new int[size];
        for (int slot = 0; slot < size; slot++) {
            slotOfArrival[order[slot]] = slot;
        }
        int words = (size + 63) >>> 6;
        services = new IndexedService[size];
        ids = new ServiceId[size];
        domainsAndMostPoints = new int[size];
        standingPoints = new byte[size];
        zones = new byte[size];
        hoursOf = new int[size];
        Map<WeeklyHours, Integer> patterns = new HashMap<>();
        minimumAges = new short[size];
        maximumAges = new short[size];
        active = new long[words];
        anyGender = new long[words];
        open247 = new long[words];
        substanceUseAccessible = new long[words];
        noStatusRequired = new long[words];
        traffickingSpecific = new long[words];
        accepting = new long[words];
        withoutSites = new long[words];
        for (int i = 0; i < byDomain.length; i++) {
            byDomain[i] = new long[words];
        }
        for (int i = 0; i < byProvince.length; i++) {
            byProvince[i] = new long[words];
        }
        for (int i = 0; i < earningAtLeast.length; i++) {
            earningAtLeast[i] = new long[words];
        }
        List<SiteGrid.Site> sites = new ArrayList<>();
        firstSites = new int[size + 1];
        for (int slot = 0; slot < size; slot++) {
            IndexedService service = arrived.get(order[slot]);
            ServiceCard card = service.card();
            String capacity = card.capacity() == null ? null : card.capacity().status();
            services[slot] = service;
            ids[slot] = card.id();
            standingPoints[slot] = (byte) Ranking.standingPoints(capacity, card.traffickingSpecific());
            int mostPoints = standingPoints[slot] + Ranking.hoursPoints(card.open247(), true);
            domainsAndMostPoints[slot] = service.domainBits() | mostPoints << MOST_POINTS_SHIFT;
            zones[slot] = (byte) Search.zoneNumber(service.zone());
            hoursOf[slot] = patterns.computeIfAbsent(service.hours(), hours -> patterns.size());
            minimumAges[slot] = age(service.minimumAge());
            maximumAges[slot] = age(service.maximumAge());
            set(active, slot, service.active());
            set(open247, slot, card.open247());
            set(substanceUseAccessible, slot, card.substanceUseAccessible());
            set(noStatusRequired, slot, card.noStatusRequired());
            set(traffickingSpecific, slot, card.traffickingSpecific());
            set(accepting, slot, "accepting".equals(capacity));
            set(withoutSites, slot, service.sites().length == 0);
            set(anyGender, slot, service.genders().isEmpty());
            for (int points = 0; points <= mostPoints; points++) {
                set(earningAtLeast[points], slot, true);
            }
            for (NeedDomain domain : card.domains()) {
                set(byDomain[domain.ordinal()], slot, true);
            }
            for (Province province : service.provinces()) {
                set(byProvince[province.ordinal()], slot, true);
            }
            for (String language : card.languages()) {
                set(byLanguage.computeIfAbsent(language, l -> new long[words]), slot, true);
            }
            for (String gender : service.genders()) {
                set(byGender.computeIfAbsent(gender, g -> new long[words]), slot, true);
            }
            for (GeoPoint site : service.sites()) {
                sites.add(new SiteGrid.Site(site, slot));
            }
            firstSites[slot + 1] = sites.size();
        }
        hoursPatterns = new WeeklyHours[patterns.size()];
        patterns.forEach((hours, number) -> hoursPatterns[number] = hours);
        termsByArrival.forEach((term, postings) -> {
            int[] slots = postings.inSlots(slotOfArrival);
            if (slots.length >= size / 32) {
                long[] having = new long[words];
                Arrays.stream(slots).forEach(slot -> set(having, slot, true));
                byFrequentTerm.put(term, having);
            } else {
                byRareTerm.put(term, slots);
            }
        });
        grid = new SiteGrid(sites, size);
        domainsAndMostPointsBySite = grid.bySite(domainsAndMostPoints);
        scratch = new BitSets(words);
        siteCoordinates = new double[3 * sites.size()];
        for (int site = 0; site < sites.size(); site++) {
            GeoPoint point = sites.get(site).point();
            siteCoordinates[3 * site] = point.latitude();
            siteCoordinates[3 * site + 1] = point.longitude();
            siteCoordinates[3 * site + 2] = point.cosineOfLatitude();
        }
    }

    private static short age(Integer years) {
        return years == null ? -1 : (short) Math.clamp(years, 0, Short.MAX_VALUE);
    }

    /** The services that are active, as a bit set the caller may copy and clear bits of. */
    long[] active() {
        return active;
    }

    /** Where the service is in this segment, or -1. */
    int slotOf(ServiceId id) {
        int low = 0;
        int high = services.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = ids[middle].value().compareTo(id.value());
            if (order == 0) {
                return middle;
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
     * @param live which slots may be offered: {@link #active()} less the services changed since
     */
    void search(MatchQuery query, Province area, long[] live, Search search) {
        try (BitSets.Lease lease = scratch.lease()) {
            search(query, area, live, search, lease);
        }
    }

    /** How many services of this segment are live and meet every hard constraint: {@link #search} without the ranking. */
    int count(MatchQuery query, Province area, long[] live, Search search) {
        try (BitSets.Lease lease = scratch.lease()) {
            long[] candidates = candidates(query, live, search, lease);
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
    double nearestKm(MatchQuery query, long[] live, Search search) {
        try (BitSets.Lease lease = scratch.lease()) {
            long[] candidates = candidates(query, live, search, lease);
            if (candidates == null) {
                return Double.POSITIVE_INFINITY;
            }
            long[] placed = andNot(candidates, withoutSites);
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
            SiteGrid.NearestFirst cells = grid.nearestFirst(near);
            double leastKm = Double.POSITIVE_INFINITY;
            // every cell after one at least this far is at least as far
            for (int cell = cells.next(); cell >= 0 && cells.atLeastKm() <= leastKm; cell = cells.next()) {
                for (int site = grid.firstSite(cell); site < grid.endOfSites(cell); site++) {
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

    private void search(MatchQuery query, Province area, long[] live, Search search, BitSets.Lease lease) {
        long[] candidates = candidates(query, live, search, lease);
        if (candidates == null) {
            return;
        }
        GeoPoint near = query.near();
        if (near == null) {
            search.count(cardinality(candidates));
            long[] rest = andNot(lease.copyOf(candidates), open247);
            long[] coverages = coverages(search.requested(), candidates);
            rankInOrder(and(candidates, open247), Ranking.hoursPoints(true, false), coverages, search, lease);
            rankInOrder(rest, Ranking.hoursPoints(false, true), coverages, search, lease);
            return;
        }
        Nearby nearby = nearby(query, area, candidates, lease);
        int count = nearby.count();
        search.count(count);
        if (count == 0) {
            return;
        }
        if (nearby.few()) {
            double nearCosine = near.cosineOfLatitude();
            forEachSlot(nearby.placed(), slot -> rank(slot, 0, near, nearCosine, search));
            rankUnplaced(nearby.unplaced(), search, lease);
        } else {
            rankNearestFirst(near, query.radiusKm(), nearby.placed(), nearby.unplaced(), search, lease);
        }
    }

    /**
     * The candidates of a query with a place, within its radius if it has one: those with a site,
     * and those without one, which meet a radius when they serve the place's province.
     *
     * @param few whether so few have a site that measuring them one by one is cheaper than walking the grid
     */
    private record Nearby(long[] placed, long[] unplaced, boolean few) {

        int count() {
            return cardinality(placed) + cardinality(unplaced);
        }
    }

    private Nearby nearby(MatchQuery query, Province area, long[] candidates, BitSets.Lease lease) {
        GeoPoint near = query.near();
        long[] placed = andNot(lease.copyOf(candidates), withoutSites);
        long[] unplaced = and(candidates, withoutSites);
        // a few candidates are measured one by one: walking the grid would read every site of the country
        boolean few = cardinality(placed) <= grid.size() / FEW_ENOUGH_TO_MEASURE;
        if (query.radiusKm() != null) {
            placed = few ? withinOneByOne(near, query.radiusKm(), placed, lease.empty())
                    : grid.within(near, query.radiusKm(), placed, lease.empty());
            unplaced = area == null ? lease.empty() : and(unplaced, byProvince[area.ordinal()]);
        }
        return new Nearby(placed, unplaced, few);
    }

    /** The slots of {@code placed} with a site within the radius, set in {@code within}, which has none set. */
    private long[] withinOneByOne(GeoPoint near, double radiusKm, long[] placed, long[] within) {
        double nearCosine = near.cosineOfLatitude();
        forEachSlot(placed, slot -> set(within, slot, isWithin(slot, near, nearCosine, radiusKm)));
        return within;
    }

    /** The services every bit-set constraint allows, and open now if asked, or null when none is. */
    private long[] candidates(MatchQuery query, long[] live, Search search, BitSets.Lease lease) {
        long[] candidates = lease.copyOf(live);
        if (!query.domains().isEmpty()) {
            and(candidates, union(query.domains().stream().map(domain -> byDomain[domain.ordinal()]).toList(), lease));
        }
        if (query.province() != null) {
            and(candidates, byProvince[query.province().ordinal()]);
        }
        if (!query.languages().isEmpty()) {
            and(candidates, union(query.languages().stream().map(byLanguage::get).filter(Objects::nonNull).toList(), lease));
        }
        if (query.open247()) {
            and(candidates, open247);
        }
        if (query.substanceUseAccessible()) {
            and(candidates, substanceUseAccessible);
        }
        if (query.noStatusRequired()) {
            and(candidates, noStatusRequired);
        }
        if (query.traffickingSpecific()) {
            and(candidates, traffickingSpecific);
        }
        if (query.acceptingNewClients()) {
            and(candidates, accepting);
        }
        if (query.gender() != null) {
            long[] taking = lease.copyOf(anyGender);
            long[] named = byGender.get(query.gender());
            if (named != null) {
                or(taking, named);
            }
            and(candidates, taking);
        }
        if (query.age() != null) {
            and(candidates, taking(query.age()));
        }
        if (query.text() != null) {
            for (String word : Words.of(query.text())) {
                long[] any = lease.empty();
                for (String form : Words.forms(word)) {
                    long[] frequent = byFrequentTerm.get(form);
                    if (frequent != null) {
                        or(any, frequent);
                        continue;
                    }
                    for (int slot : byRareTerm.getOrDefault(form, NO_SLOTS)) {
                        any[slot >>> 6] |= 1L << slot;
                    }
                }
                and(candidates, any);
            }
        }
        if (query.openNow()) {
            forEachSlot(andNot(lease.copyOf(candidates), open247), slot -> {
                if (!isOpen(slot, search)) {
                    clear(candidates, slot);
                }
            });
        }
        return isEmpty(candidates) ? null : candidates;
    }

    /** The services taking a person of this age; the usual ages are remembered, each worked out once. */
    private long[] taking(int age) {
        if (age < 0 || age > OLDEST) {
            return servicesTaking(age);
        }
        long[] known = byAge.get(age);
        if (known == null) {
            known = servicesTaking(age);
            byAge.set(age, known);
        }
        return known;
    }

    private long[] servicesTaking(int age) {
        long[] taking = new long[active.length];
        for (int slot = 0; slot < services.length; slot++) {
            set(taking, slot, (minimumAges[slot] < 0 || age >= minimumAges[slot]) && (maximumAges[slot] < 0 || age <= maximumAges[slot]));
        }
        return taking;
    }

    private boolean isOpen(int slot, Search search) {
        return hoursPatterns[hoursOf[slot]].isOpenAt(search.minuteOfTheWeekIn(zones[slot]));
    }

    /**
     * Offers the search, in id order, each service whose best possible score could rank; stops as
     * soon as no service left could.
     *
     * @param mostHoursPoints what any of these services can earn for its hours
     */
    private void rankInOrder(long[] group, int mostHoursPoints, long[] coverages, Search search, BitSets.Lease lease) {
        int mostPoints = Ranking.MOST_POINTS - Ranking.hoursPoints(true, false) + mostHoursPoints;
        Remaining remaining = new Remaining(group, coverages, search.requested(), lease);
        for (int i = 0; i < group.length; i++) {
            long word = remaining.services[i];
            if (word == 0) {
                continue;
            }
            // every service left has this id or a higher one: it would lose a tie
            ServiceId next = ids[i << 6 | Long.numberOfTrailingZeros(word)];
            if ((i & 63) == 63) {
                remaining.narrow(mostPoints, Double.NaN, next, i, search);
                word = remaining.services[i];
            }
            if (!search.mayRankAny(remaining.coverages, mostPoints, Double.NaN, next)) {
                return;
            }
            for (; word != 0; word &= word - 1) {
                rank(i << 6 | Long.numberOfTrailingZeros(word), Double.NaN, null, 0, search);
            }
        }
    }

    /**
     * Offers the search the placed services cell by cell, the nearest cells first, until no service
     * in a cell that far could rank; the services without a site in turn, as if 20 km away.
     */
    private void rankNearestFirst(GeoPoint near, Double radiusKm, long[] placed, long[] unplaced, Search search,
            BitSets.Lease lease) {
        double nearCosine = near.cosineOfLatitude();
        Remaining remaining = new Remaining(placed, coverages(search.requested(), placed), search.requested(), lease);
        boolean unplacedRanked = false;
        SiteGrid.NearestFirst cells = grid.nearestFirst(near);
        int visited = 0;
        int sitesWalked = 0;
        for (int cell = cells.next(); cell >= 0; cell = cells.next()) {
            double cellKm = cells.atLeastKm();
            if (!unplacedRanked && cellKm >= UNPLACED_RANK_AS_KM) {
                rankUnplaced(unplaced, search, lease);
                unplacedRanked = true;
            }
            // once fewer could still rank than the sites walked past, they are likely far: measure them rather than walk the
            // country, unless the walk is nearly over (the sites ahead, as many as the area grows, are fewer than those measured)
            if (visited++ % 16 == 0 && (remaining.narrow(Ranking.MOST_POINTS, cellKm, null, 0, search) || visited % 256 == 1)
                    && cardinality(remaining.services) <= grid.size() / FEW_ENOUGH_TO_MEASURE + sitesWalked / 8
                    && cardinality(remaining.services) * 8.0 <= sitesAhead(sitesWalked, cellKm, search.farthestToRank(remaining.coverages, Ranking.MOST_POINTS))) {
                // each is at least this far from its every site not walked yet, and cannot rank by those walked; most are in
                // a far block, which rules them out before their sites are read
                forEachSlot(remaining.services, slot -> rank(slot, Math.max(cellKm, cells.atLeastKmTo(slot)), near, nearCosine, search));
                break;
            }
            // every cell left is at least as far
            if (radiusKm != null && cellKm > radiusKm || !search.mayRankAny(remaining.coverages, Ranking.MOST_POINTS, cellKm, null)) {
                break;
            }
            sitesWalked += grid.endOfSites(cell) - grid.firstSite(cell);
            for (int site = grid.firstSite(cell); site < grid.endOfSites(cell); site++) {
                int slot = grid.slot(site);
                if (!isSet(remaining.services, slot)) {
                    continue;
                }
                // the cell's bound first: met at its nearest cell, a service this far that cannot rank never will,
                // since the best only get better; then measured, which bounds it by all its sites before any sine
                if (!mayRankWith(domainsAndMostPointsBySite[site], cellKm, search) || rank(slot, cellKm, near, nearCosine, search)) {
                    clear(remaining.services, slot); // ruled out, or measured at its nearest site: not offered again
                }
            }
        }
        if (!unplacedRanked) {
            rankUnplaced(unplaced, search, lease);
        }
    }

    /** About how many sites a walk that has read these, this far, would read up to the farthest: as many as the area grows. */
    private static double sitesAhead(int sitesWalked, double walkedKm, double farthestKm) {
        double growth = farthestKm / Math.max(walkedKm, UNPLACED_RANK_AS_KM / 4);
        return sitesWalked * (growth * growth - 1);
    }

    /** Services without a site: with a place asked, they rank as if 20 km away. */
    private void rankUnplaced(long[] unplaced, Search search, BitSets.Lease lease) {
        Remaining remaining = new Remaining(unplaced, coverages(search.requested(), unplaced), search.requested(), lease);
        remaining.narrow(Ranking.MOST_POINTS, Double.NaN, null, 0, search);
        forEachSlot(remaining.services, slot -> rank(slot, Double.NaN, null, 0, search));
    }

    private boolean mayRank(int slot, double atLeastKm, Search search) {
        return mayRankWith(domainsAndMostPoints[slot], atLeastKm, search);
    }

    /** {@link #mayRank} of a slot by its {@link #domainsAndMostPoints}, {@code packed}. */
    private static boolean mayRankWith(int packed, double atLeastKm, Search search) {
        int domainBits = packed & DOMAIN_BITS;
        return search.mayRank(domainBits, search.score(domainBits, atLeastKm, packed >>> MOST_POINTS_SHIFT), atLeastKm);
    }

    /**
     * The services of a group still to rank, and the coverages still open with the fewest points a
     * service of each needs: a service within the group's bounds with fewer could neither enter the
     * best few nor replace the bundle's nearest. As the best fill up, the group narrows (services
     * covering one of three requested domains drop out once a third of the domain points cannot
     * win; far from the point, only those earning the most points stay), which bit sets work out
     * far faster than asking service by service.
     */
    private final class Remaining {
        long[] services;
        /** The coverages still open, numbered as {@link Search#mayRankAny} takes them. */
        long[] coverages;
        private final int requested;
        /** The requested domains' ordinals. */
        private final int[] domains;
        /** By coverage number: the fewest points a service with it needs. */
        private final int[] leastPoints;
        private final BitSets.Lease lease;

        Remaining(long[] services, long[] coverages, int requested, BitSets.Lease lease) {
            this.services = services;
            this.lease = lease;
            this.coverages = coverages;
            this.requested = requested;
            this.domains = ordinals(requested);
            this.leastPoints = new int[1 << domains.length];
        }

        /**
         * @param points {@code distanceKm} and {@code idAtLeast}: bounds of every service left, as {@link Search#mayRankAny} takes them
         * @param fromWord where the services left start: those in the words before are done with
         * @return whether the group narrowed
         */
        boolean narrow(int points, double distanceKm, ServiceId idAtLeast, int fromWord, Search search) {
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
            if (same) {
                return false;
            }
            long[] left = lease.empty();
            for (int c = 0; c < open.length; c++) {
                for (long bits = open[c]; bits != 0; bits &= bits - 1) {
                    int number = c << 6 | Long.numberOfTrailingZeros(bits);
                    keepCovering(Integer.expand(number, requested), earningAtLeast[leastPoints[number]], fromWord, left);
                }
            }
            services = left;
            coverages = open;
            return true;
        }

        /**
         * Adds to {@code left} the services still to rank that cover exactly this of the requested
         * domains and earn enough: up to three domains in one pass of plain bitwise work the JIT
         * turns into vector instructions (a domain the coverage lacks is read flipped), more in a
         * pass a domain.
         */
        private void keepCovering(int coverage, long[] earningEnough, int from, long[] left) {
            long[][] covering = new long[domains.length][];
            long[] flips = new long[domains.length];
            for (int d = 0; d < domains.length; d++) {
                covering[d] = byDomain[domains[d]];
                flips[d] = (coverage >> domains[d] & 1) != 0 ? 0 : -1L;
            }
            long[] services = this.services;
            switch (domains.length) {
                case 0, 1 -> { // every candidate covers the one domain asked, or none is asked
                    for (int i = from; i < services.length; i++) {
                        left[i] |= services[i] & earningEnough[i];
                    }
                }
                case 2 -> {
                    long[] a = covering[0];
                    long[] b = covering[1];
                    long flipA = flips[0];
                    long flipB = flips[1];
                    for (int i = from; i < services.length; i++) {
                        left[i] |= services[i] & earningEnough[i] & (a[i] ^ flipA) & (b[i] ^ flipB);
                    }
                }
                case 3 -> {
                    long[] a = covering[0];
                    long[] b = covering[1];
                    long[] c = covering[2];
                    long flipA = flips[0];
                    long flipB = flips[1];
                    long flipC = flips[2];
                    for (int i = from; i < services.length; i++) {
                        left[i] |= services[i] & earningEnough[i] & (a[i] ^ flipA) & (b[i] ^ flipB) & (c[i] ^ flipC);
                    }
                }
                default -> {
                    long[] having = lease.empty();
                    for (int i = from; i < services.length; i++) {
                        having[i] = services[i] & earningEnough[i];
                    }
                    for (int d = 0; d < domains.length; d++) {
                        long[] domain = covering[d];
                        long flip = flips[d];
                        for (int i = from; i < services.length; i++) {
                            having[i] &= domain[i] ^ flip;
                        }
                    }
                    for (int i = from; i < services.length; i++) {
                        left[i] |= having[i];
                    }
                }
            }
        }
    }

    /**
     * Offers one service unless its bound rules it out: measured exactly (its nearest site, open
     * now) only when it could rank.
     *
     * @return whether it was measured and offered
     * @param atLeastKm a lower bound of its distance; NaN when it has no site or there is no place
     * @param near      where to measure from; null when there is nothing to measure
     */
    private boolean rank(int slot, double atLeastKm, GeoPoint near, double nearCosine, Search search) {
        if (!mayRank(slot, atLeastKm, search)) {
            return false;
        }
        double distance = Double.NaN;
        if (near != null) {
            // bounds first, without sines then without the arcsine: most of those measured one by one are too far to rank
            if (!mayRank(slot, SiteGrid.kilometresAtLeast(leastHaversineAtLeast(slot, near, nearCosine)), search)) {
                return true; // measured, and too far
            }
            double haversine = leastHaversine(slot, near, nearCosine);
            if (!mayRank(slot, SiteGrid.kilometresAtLeast(haversine), search)) {
                return true; // measured, and too far
            }
            distance = GeoPoint.kilometresOfHaversine(haversine);
            if (!mayRank(slot, distance, search)) {
                return true;
            }
        }
        boolean allHours = isSet(open247, slot);
        int points = standingPoints[slot] + Ranking.hoursPoints(allHours, !allHours && isOpen(slot, search));
        int domains = domainsAndMostPoints[slot] & DOMAIN_BITS;
        double score = search.score(domains, distance, points);
        // the service itself (its id breaks ties) is read only when it could rank
        if (search.mayRank(domains, score, distance)) {
            search.offer(services[slot], ids[slot], score, distance);
        }
        return true;
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
        double least = Double.POSITIVE_INFINITY;
        for (int site = firstSites[slot]; site < firstSites[slot + 1]; site++) {
            least = Math.min(least, measure.between(near.latitude(), near.longitude(), nearCosine, siteCoordinates[3 * site],
                    siteCoordinates[3 * site + 1], siteCoordinates[3 * site + 2]));
        }
        return least == Double.POSITIVE_INFINITY ? Double.NaN : least;
    }

    /** {@link GeoPoint#haversine}, or a bound of it: two points, each with the cosine of its latitude. */
    @FunctionalInterface
    private interface Haversine {
        double between(double latitude, double longitude, double cosine, double otherLatitude, double otherLongitude, double otherCosine);
    }
    /**
     * The coverages (which of the requested domains a service covers) the candidates have, as bits
     * numbered by {@link Integer#compress} against the requested domains: bounds ask only about
     * coverages that exist. Without domains, every candidate covers none; with one, every candidate
     * covers it; past four, every coverage is taken to exist rather than looked for.
     */
    private long[] coverages(int requested, long[] candidates) {
        int[] domains = ordinals(requested);
        int patterns = 1 << domains.length;
        long[] coverages = new long[(patterns + 63) >>> 6];
        if (domains.length < 2) {
            set(coverages, patterns - 1, true);
            return coverages;
        }
        if (domains.length > 4) {
            for (int pattern = 1; pattern < patterns; pattern++) {
                set(coverages, pattern, true);
            }
            return coverages;
        }
        int unseen = patterns - 1;
        for (int i = 0; i < candidates.length && unseen > 0; i++) {
            long word = candidates[i];
            if (word == 0) {
                continue;
            }
            for (int pattern = 1; pattern < patterns; pattern++) {
                if (isSet(coverages, pattern)) {
                    continue;
                }
                long having = word;
                for (int d = 0; d < domains.length; d++) {
                    long covering = byDomain[domains[d]][i];
                    having &= (pattern >> d & 1) != 0 ? covering : ~covering;
                }
                if (having != 0) {
                    set(coverages, pattern, true);
                    unseen--;
                }
            }
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

    static void clear(long[] bits, int slot) {
        bits[slot >>> 6] &= ~(1L << slot);
    }

    private static void set(long[] bits, int slot, boolean value) {
        if (value) {
            bits[slot >>> 6] |= 1L << slot;
        }
    }

    private static boolean isSet(long[] bits, int slot) {
        return (bits[slot >>> 6] & 1L << slot) != 0;
    }

    private static long[] and(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= other[i];
        }
        return target;
    }

    private static long[] andNot(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= ~other[i];
        }
        return target;
    }

    private static int cardinality(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
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

    private static void or(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= other[i];
        }
    }

    static boolean isEmpty(long[] bits) {
        for (long word : bits) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    private static void forEachSlot(long[] bits, java.util.function.IntConsumer action) {
        for (int i = 0; i < bits.length; i++) {
            long word = bits[i];
            while (word != 0) {
                action.accept(i << 6 | Long.numberOfTrailingZeros(word));
                word &= word - 1;
            }
        }
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
