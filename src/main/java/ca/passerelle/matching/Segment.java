package ca.passerelle.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * Part of the directory in memory, shaped for matching: one bit set per domain, province, language,
 * gender and yes/no facet (a query ANDs a handful of them, a few thousand long words), term postings
 * for free text, and sites in a grid of quarter-degree cells. What ranking reads of each service
 * sits in arrays side by side, so a pass over thousands reads memory in order.
 *
 * <p>A query counts what meets it with bit sets alone, then ranks as little as it can: groups of
 * services (the open-all-hours, then the rest; or grid cells, nearest first) are skipped whole when
 * even their best possible score could not rank, and a service is measured exactly only when its
 * own bound could.
 *
 * <p>Immutable; services are in id order, so a changed one is found by binary search and hidden by
 * clearing its bit in the live set the caller passes.
 */
final class Segment {

    private static final double CELL_DEGREES = 0.25;
    private static final int OLDEST = 120;
    /** Distances (km) up to which cells are ranked in turn: the nearest fill the best, and farther cells are mostly skipped. */
    private static final double[] BANDS_KM = {10, 25, 50, 100, 200, 400, 800, Double.POSITIVE_INFINITY};
    /** Candidates with a site fewer than one in this many sites are measured one by one rather than cell by cell. */
    private static final int FEW_ENOUGH_TO_MEASURE = 256;
    /** The distance at which a service without a site scores the same: {@link Ranking#score} gives it 10 of 30 points. */
    private static final double UNPLACED_RANK_AS_KM = 20;
    /** Haversine lower bounds are shaved by this much, so rounding never rules out a service that ties. */
    private static final double SHAVE = 0.999_999;

    private final IndexedService[] services;
    private final int[] domainBits;
    private final byte[] standingPoints;
    private final byte[] zones;
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
    private final Map<String, int[]> byTerm;

    /** Grid cells: their row and column, the cosine of their latitude farthest from the equator, and where their sites start. */
    private final int[] cellRows;
    private final int[] cellColumns;
    private final double[] cellCosines;
    private final int[] cellStarts;
    /** Sites in cell order: the slot of each, and where it is. */
    private final int[] siteSlots;
    private final double[] siteLatitudes;
    private final double[] siteLongitudes;
    private final double[] siteCosines;

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
        domainBits = new int[size];
        standingPoints = new byte[size];
        zones = new byte[size];
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
        List<long[]> sites = new ArrayList<>();
        for (int slot = 0; slot < size; slot++) {
            IndexedService service = arrived.get(order[slot]);
            ServiceCard card = service.card();
            String capacity = card.capacity() == null ? null : card.capacity().status();
            services[slot] = service;
            domainBits[slot] = service.domainBits();
            standingPoints[slot] = (byte) Ranking.standingPoints(capacity, card.traffickingSpecific());
            zones[slot] = (byte) Search.zoneNumber(service.zone());
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
            for (int site = 0; site < service.sites().length; site++) {
                sites.add(new long[] {cell(service.sites()[site]), slot, site});
            }
        }
        Map<String, int[]> terms = HashMap.newHashMap(termsByArrival.size());
        termsByArrival.forEach((term, postings) -> terms.put(term, postings.inSlots(slotOfArrival)));
        byTerm = terms;

        sites.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        siteSlots = new int[sites.size()];
        siteLatitudes = new double[sites.size()];
        siteLongitudes = new double[sites.size()];
        siteCosines = new double[sites.size()];
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            long[] site = sites.get(i);
            GeoPoint point = services[(int) site[1]].sites()[(int) site[2]];
            siteSlots[i] = (int) site[1];
            siteLatitudes[i] = point.latitude();
            siteLongitudes[i] = point.longitude();
            siteCosines[i] = point.cosineOfLatitude();
            if (i == 0 || sites.get(i - 1)[0] != site[0]) {
                starts.add(i);
            }
        }
        int cells = starts.size();
        cellRows = new int[cells];
        cellColumns = new int[cells];
        cellCosines = new double[cells];
        cellStarts = new int[cells + 1];
        for (int cell = 0; cell < cells; cell++) {
            long key = sites.get(starts.get(cell))[0];
            cellRows[cell] = (int) (key >> 32);
            cellColumns[cell] = (int) key;
            double farthestFromTheEquator = Math.max(Math.abs(cellRows[cell] * CELL_DEGREES), Math.abs((cellRows[cell] + 1) * CELL_DEGREES));
            cellCosines[cell] = Math.cos(Math.toRadians(Math.min(90, farthestFromTheEquator)));
            cellStarts[cell] = starts.get(cell);
        }
        cellStarts[cells] = sites.size();
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
            int order = services[middle].card().id().value().compareTo(id.value());
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
        long[] candidates = candidates(query, live, search);
        if (candidates == null) {
            return;
        }
        GeoPoint near = query.near();
        if (near == null) {
            search.count(cardinality(candidates));
            long[] rest = andNot(candidates.clone(), open247);
            long[] coverages = coverages(search.requested(), candidates);
            rankInOrder(and(candidates, open247), Ranking.hoursPoints(true, false), coverages, search);
            rankInOrder(rest, Ranking.hoursPoints(false, true), coverages, search);
            return;
        }
        long[] placed = andNot(candidates.clone(), withoutSites);
        long[] unplaced = and(candidates, withoutSites);
        // a few candidates are measured one by one: walking the grid would read every site of the country
        boolean few = cardinality(placed) <= siteSlots.length / FEW_ENOUGH_TO_MEASURE;
        if (query.radiusKm() != null) {
            placed = few ? withinOneByOne(near, query.radiusKm(), placed) : within(near, query.radiusKm(), placed);
            unplaced = area == null ? new long[unplaced.length] : and(unplaced, byProvince[area.ordinal()]);
        }
        search.count(cardinality(placed) + cardinality(unplaced));
        if (few) {
            double nearCosine = near.cosineOfLatitude();
            forEachSlot(placed, slot -> rank(slot, 0, near, nearCosine, search));
            rankUnplaced(unplaced, search);
        } else {
            rankNearestFirst(near, query.radiusKm(), placed, unplaced, search);
        }
    }

    private long[] withinOneByOne(GeoPoint near, double radiusKm, long[] placed) {
        long[] within = new long[placed.length];
        double nearCosine = near.cosineOfLatitude();
        forEachSlot(placed, slot -> set(within, slot, nearest(services[slot], near, nearCosine) <= radiusKm));
        return within;
    }

    /** The services every bit-set constraint allows, and open now if asked, or null when none is. */
    private long[] candidates(MatchQuery query, long[] live, Search search) {
        long[] candidates = live.clone();
        if (!query.domains().isEmpty()) {
            long[] any = new long[candidates.length];
            query.domains().forEach(domain -> or(any, byDomain[domain.ordinal()]));
            and(candidates, any);
        }
        if (query.province() != null) {
            and(candidates, byProvince[query.province().ordinal()]);
        }
        if (!query.languages().isEmpty()) {
            long[] any = new long[candidates.length];
            query.languages().forEach(language -> {
                long[] speakers = byLanguage.get(language);
                if (speakers != null) {
                    or(any, speakers);
                }
            });
            and(candidates, any);
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
            long[] taking = anyGender.clone();
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
                long[] any = new long[candidates.length];
                for (String form : Words.forms(word)) {
                    for (int slot : byTerm.getOrDefault(form, new int[0])) {
                        any[slot >>> 6] |= 1L << slot;
                    }
                }
                and(candidates, any);
            }
        }
        if (query.openNow()) {
            forEachSlot(andNot(candidates.clone(), open247), slot -> {
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
        return services[slot].hours().isOpenAt(search.minuteOfTheWeekIn(zones[slot]));
    }

    /**
     * Offers the search, in id order, each service whose best possible score could rank; stops as
     * soon as no service left could.
     *
     * @param mostHoursPoints what any of these services can earn for its hours
     */
    private void rankInOrder(long[] group, int mostHoursPoints, long[] coverages, Search search) {
        int mostPoints = Ranking.MOST_POINTS - Ranking.hoursPoints(true, false) + mostHoursPoints;
        Remaining remaining = new Remaining(group, coverages);
        for (int i = 0; i < group.length; i++) {
            long word = remaining.services[i];
            if (word == 0) {
                continue;
            }
            // every service left has this id or a higher one: it would lose a tie
            ServiceId next = services[i << 6 | Long.numberOfTrailingZeros(word)].card().id();
            if ((i & 63) == 63) {
                remaining.narrow(mostPoints, Double.NaN, next, search);
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
     * Offers the search the placed services cell by cell, the nearest cells first, skipping every
     * cell none of whose services could rank, then the services without a site.
     */
    private void rankNearestFirst(GeoPoint near, Double radiusKm, long[] placed, long[] unplaced, Search search) {
        double nearCosine = near.cosineOfLatitude();
        int cells = cellRows.length;
        double[] atLeastKm = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            atLeastKm[cell] = kilometresAtLeast(cell, near, nearCosine);
        }
        Remaining remaining = new Remaining(placed, coverages(search.requested(), placed));
        boolean unplacedRanked = false;
        double from = 0;
        for (double to : BANDS_KM) {
            if (!unplacedRanked && from >= UNPLACED_RANK_AS_KM) {
                rankUnplaced(unplaced, search);
                unplacedRanked = true;
            }
            remaining.narrow(Ranking.MOST_POINTS, from, null, search);
            if (Segment.isEmpty(remaining.coverages)) {
                break;
            }
            int ranked = 0;
            for (int cell = 0; cell < cells; cell++) {
                double cellKm = atLeastKm[cell];
                if (cellKm < from || cellKm >= to || radiusKm != null && cellKm > radiusKm
                        || !search.mayRankAny(remaining.coverages, Ranking.MOST_POINTS, cellKm, null)) {
                    continue;
                }
                for (int site = cellStarts[cell]; site < cellStarts[cell + 1]; site++) {
                    int slot = siteSlots[site];
                    // the cell's bound first, then the site's own (two sines), then the exact distance (an arcsine)
                    if (isSet(remaining.services, slot) && mayRank(slot, cellKm, search)
                            && rank(slot, siteKilometresAtLeast(site, near, nearCosine), near, nearCosine, search)) {
                        clear(remaining.services, slot); // measured at its nearest site: not offered again
                    }
                }
                if (++ranked % 16 == 0) {
                    remaining.narrow(Ranking.MOST_POINTS, from, null, search);
                }
            }
            from = to;
        }
        if (!unplacedRanked) {
            rankUnplaced(unplaced, search);
        }
    }

    /** Services without a site: with a place asked, they rank as if 20 km away. */
    private void rankUnplaced(long[] unplaced, Search search) {
        Remaining remaining = new Remaining(unplaced, coverages(search.requested(), unplaced));
        remaining.narrow(Ranking.MOST_POINTS, Double.NaN, null, search);
        forEachSlot(remaining.services, slot -> rank(slot, Double.NaN, null, 0, search));
    }

    private boolean mayRank(int slot, double atLeastKm, Search search) {
        int domains = domainBits[slot];
        int most = standingPoints[slot] + Ranking.hoursPoints(isSet(open247, slot), true);
        return search.mayRank(domains, search.score(domains, atLeastKm, most), atLeastKm);
    }

    /**
     * The services of a group still to rank, and the coverages still open: those for which a
     * service within the group's bounds could still enter the best few or replace the bundle's
     * nearest. As the best fill up, the group narrows to the open coverages (services covering one
     * of three requested domains drop out once a third of the domain points cannot win), which bit
     * sets work out far faster than asking service by service.
     */
    private final class Remaining {
        long[] services;
        long[] coverages;

        Remaining(long[] services, long[] coverages) {
            this.services = services;
            this.coverages = coverages;
        }

        /** @param points {@code distanceKm} and {@code idAtLeast}: bounds of every service left, as {@link Search#mayRankAny} takes them */
        void narrow(int points, double distanceKm, ServiceId idAtLeast, Search search) {
            long[] open = search.openCoverages(coverages, points, distanceKm, idAtLeast);
            if (Arrays.equals(open, coverages)) {
                return;
            }
            long[] left = new long[services.length];
            int requested = search.requested();
            for (int c = 0; c < open.length; c++) {
                for (long bits = open[c]; bits != 0; bits &= bits - 1) {
                    keepCovering(c << 6 | Long.numberOfTrailingZeros(bits), requested, left);
                }
            }
            services = left;
            coverages = open;
        }

        /** Adds to {@code left} the services still to rank that cover exactly this of the requested domains. */
        private void keepCovering(int coverage, int requested, long[] left) {
            for (int i = 0; i < services.length; i++) {
                long having = services[i];
                for (int bits = requested; bits != 0 && having != 0; bits &= bits - 1) {
                    int domain = Integer.numberOfTrailingZeros(bits);
                    having &= (coverage >> domain & 1) != 0 ? byDomain[domain][i] : ~byDomain[domain][i];
                }
                left[i] |= having;
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
        IndexedService service = services[slot];
        double distance = near == null ? Double.NaN : nearest(service, near, nearCosine);
        boolean allHours = isSet(open247, slot);
        int points = standingPoints[slot] + Ranking.hoursPoints(allHours, !allHours && isOpen(slot, search));
        search.offer(service, search.score(domainBits[slot], distance, points), distance);
        return true;
    }

    private static double nearest(IndexedService service, GeoPoint near, double nearCosine) {
        double nearest = Double.NaN;
        for (GeoPoint site : service.sites()) {
            double distance = GeoPoint.kilometres(near.latitude(), near.longitude(), nearCosine, site.latitude(), site.longitude(),
                    site.cosineOfLatitude());
            if (Double.isNaN(nearest) || distance < nearest) {
                nearest = distance;
            }
        }
        return nearest;
    }

    /** The placed services with a site within the radius: whole cells when all of a cell is in, site by site on the edge. */
    private long[] within(GeoPoint near, double radiusKm, long[] placed) {
        long[] within = new long[placed.length];
        double nearCosine = near.cosineOfLatitude();
        for (int cell = 0; cell < cellRows.length; cell++) {
            if (kilometresAtLeast(cell, near, nearCosine) > radiusKm) {
                continue;
            }
            boolean wholly = kilometresAtMost(cell, near, nearCosine) < radiusKm * SHAVE;
            for (int site = cellStarts[cell]; site < cellStarts[cell + 1]; site++) {
                int slot = siteSlots[site];
                if (isSet(placed, slot) && (wholly || isWithin(site, near, nearCosine, radiusKm))) {
                    within[slot >>> 6] |= 1L << slot;
                }
            }
        }
        return within;
    }

    /**
     * A lower bound of the distance from a point to anywhere in a cell, cheap enough to work out for
     * every cell of the country: haversine with sin x >= x - x³/6 and asin y >= y, and the
     * cosines of both latitudes at least that of the one farther from the equator.
     */
    private double kilometresAtLeast(int cell, GeoPoint near, double nearCosine) {
        double south = cellRows[cell] * CELL_DEGREES;
        double west = cellColumns[cell] * CELL_DEGREES;
        double latitudeGap = Math.toRadians(Math.max(0, Math.max(south - near.latitude(), near.latitude() - south - CELL_DEGREES)));
        double longitudeGap = Math.toRadians(Math.max(0, Math.max(west - near.longitude(), near.longitude() - west - CELL_DEGREES)));
        double cosine = Math.min(nearCosine, cellCosines[cell]);
        double latitudeHalfSine = halfSineAtLeast(latitudeGap);
        double longitudeHalfSine = halfSineAtLeast(longitudeGap);
        double a = latitudeHalfSine * latitudeHalfSine + cosine * cosine * longitudeHalfSine * longitudeHalfSine;
        return 2 * GeoPoint.EARTH_RADIUS_KM * Math.sqrt(a) * SHAVE;
    }

    /** A lower bound of the distance to a site, close to exact yet without the cost of asin: asin y >= y. */
    private double siteKilometresAtLeast(int site, GeoPoint near, double nearCosine) {
        return 2 * GeoPoint.EARTH_RADIUS_KM * Math.sqrt(haversine(site, near, nearCosine)) * SHAVE;
    }

    /** Whether a site is within the radius: decided by bounds of asin (y <= asin y <= y / sqrt(1 - y²)) unless it is near the edge. */
    private boolean isWithin(int site, GeoPoint near, double nearCosine, double radiusKm) {
        double a = haversine(site, near, nearCosine);
        double atLeast = 2 * GeoPoint.EARTH_RADIUS_KM * Math.sqrt(a);
        if (atLeast * SHAVE > radiusKm) {
            return false;
        }
        if (a < 0.5 && atLeast / Math.sqrt(1 - a) < radiusKm * SHAVE) {
            return true;
        }
        return GeoPoint.kilometres(near.latitude(), near.longitude(), nearCosine, siteLatitudes[site], siteLongitudes[site],
                siteCosines[site]) <= radiusKm;
    }

    /** The haversine of the angle between a point and a site, as {@link GeoPoint#kilometres} works it out. */
    private double haversine(int site, GeoPoint near, double nearCosine) {
        double latitudeHalfSine = Math.sin(Math.toRadians(siteLatitudes[site] - near.latitude()) / 2);
        double longitudeHalfSine = Math.sin(Math.toRadians(siteLongitudes[site] - near.longitude()) / 2);
        return latitudeHalfSine * latitudeHalfSine + nearCosine * siteCosines[site] * longitudeHalfSine * longitudeHalfSine;
    }

    private static double halfSineAtLeast(double angle) {
        double half = angle / 2;
        return Math.max(0, half - half * half * half / 6);
    }

    /** The farthest a point of the cell is: on a sphere, one of its corners. */
    private double kilometresAtMost(int cell, GeoPoint near, double nearCosine) {
        double farthest = 0;
        for (int corner = 0; corner < 4; corner++) {
            double latitude = Math.min(90, (cellRows[cell] + (corner & 1)) * CELL_DEGREES);
            double longitude = (cellColumns[cell] + (corner >> 1)) * CELL_DEGREES;
            farthest = Math.max(farthest, GeoPoint.kilometres(near.latitude(), near.longitude(), nearCosine, latitude, longitude,
                    Math.cos(Math.toRadians(latitude))));
        }
        return farthest;
    }

    /**
     * The coverages (which of the requested domains a service covers, as domain bits) the
     * candidates have, as bits: bounds ask only about coverages that exist. Without domains, every
     * candidate covers none; with one, every candidate covers it; past four, every coverage is taken
     * to exist rather than looked for.
     */
    private long[] coverages(int requested, long[] candidates) {
        long[] coverages = new long[(1 << NeedDomain.values().length) >>> 6];
        int[] domains = new int[Integer.bitCount(requested)];
        for (int bits = requested, i = 0; bits != 0; bits &= bits - 1) {
            domains[i++] = Integer.numberOfTrailingZeros(bits);
        }
        int patterns = 1 << domains.length;
        if (domains.length < 2) {
            set(coverages, requested, true);
            return coverages;
        }
        int[] coverageOf = new int[patterns];
        for (int pattern = 1; pattern < patterns; pattern++) {
            for (int i = 0; i < domains.length; i++) {
                coverageOf[pattern] |= (pattern >> i & 1) << domains[i];
            }
        }
        if (domains.length > 4) {
            for (int pattern = 1; pattern < patterns; pattern++) {
                set(coverages, coverageOf[pattern], true);
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
                if (isSet(coverages, coverageOf[pattern])) {
                    continue;
                }
                long having = word;
                for (int d = 0; d < domains.length; d++) {
                    long covering = byDomain[domains[d]][i];
                    having &= (pattern >> d & 1) != 0 ? covering : ~covering;
                }
                if (having != 0) {
                    set(coverages, coverageOf[pattern], true);
                    unseen--;
                }
            }
        }
        return coverages;
    }

    private static long cell(GeoPoint point) {
        return key(row(point.latitude()), column(point.longitude()));
    }

    private static int row(double latitude) {
        return (int) Math.floor(Math.max(-90, Math.min(90, latitude)) / CELL_DEGREES);
    }

    private static int column(double longitude) {
        return (int) Math.floor(Math.max(-180, Math.min(180, longitude)) / CELL_DEGREES);
    }

    private static long key(int row, int column) {
        return (long) row << 32 | (column & 0xffffffffL);
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
