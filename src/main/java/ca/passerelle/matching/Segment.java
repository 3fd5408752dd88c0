package ca.passerelle.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * Part of the directory in memory, shaped for matching: one bit set per domain, province, language
 * and yes/no facet (a query ANDs a handful of them, a few thousand long words), term postings for
 * free text, and sites in a grid of quarter-degree cells for "within N km". What cannot be a bit
 * (age, gender, open now, exact distance) is checked on the few services the bits leave.
 * Immutable; services are in id order, so a changed one is found by binary search and hidden by
 * clearing its bit in the live set the caller passes.
 */
final class Segment {

    private static final double CELL_DEGREES = 0.25;
    private static final double KM_PER_DEGREE_OF_LATITUDE = 111.2;

    private final IndexedService[] services;
    private final long[] active;
    private final long[][] byDomain = new long[NeedDomain.values().length][];
    private final long[][] byProvince = new long[Province.values().length][];
    private final Map<String, long[]> byLanguage = new HashMap<>();
    private final long[] open247;
    private final long[] substanceUseAccessible;
    private final long[] noStatusRequired;
    private final long[] traffickingSpecific;
    private final long[] accepting;
    private final long[] withoutSites;
    private final Map<String, int[]> byTerm;
    /** Sites ordered by grid cell: the service slot of each, and where each cell's run starts and ends. */
    private final int[] siteSlots;
    private final GeoPoint[] sitePoints;
    private final Map<Long, int[]> cells = new HashMap<>();

    /**
     * Takes a directory one service at a time, keeping only what the index needs (a service's texts
     * become term postings at once), so a whole directory is never in memory as records.
     */
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
        active = new long[words];
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
            services[slot] = service;
            set(active, slot, service.active());
            set(open247, slot, card.open247());
            set(substanceUseAccessible, slot, card.substanceUseAccessible());
            set(noStatusRequired, slot, card.noStatusRequired());
            set(traffickingSpecific, slot, card.traffickingSpecific());
            set(accepting, slot, card.capacity() != null && "accepting".equals(card.capacity().status()));
            set(withoutSites, slot, service.sites().length == 0);
            for (NeedDomain domain : card.domains()) {
                set(byDomain[domain.ordinal()], slot, true);
            }
            for (Province province : service.provinces()) {
                set(byProvince[province.ordinal()], slot, true);
            }
            for (String language : card.languages()) {
                set(byLanguage.computeIfAbsent(language, l -> new long[words]), slot, true);
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
        sitePoints = new GeoPoint[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            long[] site = sites.get(i);
            siteSlots[i] = (int) site[1];
            sitePoints[i] = services[(int) site[1]].sites()[(int) site[2]];
            if (i == 0 || sites.get(i - 1)[0] != site[0]) {
                cells.put(site[0], new int[] {i, i + 1});
            } else {
                cells.get(site[0])[1] = i + 1;
            }
        }
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
     * Offers the search every service of this segment that is live and meets every constraint a
     * bit set or the site grid can decide.
     *
     * @param live which slots may be offered: {@link #active()} less the services changed since
     */
    void search(MatchQuery query, Province area, long[] live, Search search) {
        long[] candidates = candidates(query, live);
        if (candidates == null) {
            return;
        }
        if (query.near() != null && query.radiusKm() != null) {
            visitSitesWithin(query.near(), query.radiusKm(), candidates, search);
            if (area != null) {
                long[] remote = and(and(candidates.clone(), withoutSites), byProvince[area.ordinal()]);
                forEachSlot(remote, slot -> search.consider(services[slot], Double.NaN, false));
            }
        } else {
            forEachSlot(candidates, slot -> {
                IndexedService service = services[slot];
                IndexedService.Nearest nearest = query.near() == null ? null : service.nearestTo(query.near());
                search.consider(service, nearest == null ? Double.NaN : nearest.kilometres(), nearest != null && nearest.confidential());
            });
        }
    }

    /** The services every bit-set constraint allows, or null when one of them allows none. */
    private long[] candidates(MatchQuery query, long[] live) {
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
        return isEmpty(candidates) ? null : candidates;
    }

    /** Each candidate with a site within the radius, once, at the distance of its nearest site. */
    private void visitSitesWithin(GeoPoint near, double radiusKm, long[] candidates, Search search) {
        long[] seen = new long[candidates.length];
        double latitudeSpan = radiusKm / KM_PER_DEGREE_OF_LATITUDE;
        double cosine = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(near.latitude()) + latitudeSpan))));
        double longitudeSpan = Math.min(180, latitudeSpan / cosine);
        int fromRow = row(near.latitude() - latitudeSpan);
        int toRow = row(near.latitude() + latitudeSpan);
        int fromColumn = column(near.longitude() - longitudeSpan);
        int toColumn = column(near.longitude() + longitudeSpan);
        for (int row = fromRow; row <= toRow; row++) {
            for (int column = fromColumn; column <= toColumn; column++) {
                int[] run = cells.get(key(row, column));
                if (run == null) {
                    continue;
                }
                for (int i = run[0]; i < run[1]; i++) {
                    int slot = siteSlots[i];
                    if (!isSet(candidates, slot) || isSet(seen, slot) || near.kilometresTo(sitePoints[i]) > radiusKm) {
                        continue;
                    }
                    seen[slot >>> 6] |= 1L << slot;
                    IndexedService.Nearest nearest = services[slot].nearestTo(near);
                    search.consider(services[slot], nearest.kilometres(), nearest.confidential());
                }
            }
        }
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

    private static void or(long[] target, long[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= other[i];
        }
    }

    private static boolean isEmpty(long[] bits) {
        return Arrays.stream(bits).allMatch(word -> word == 0);
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
