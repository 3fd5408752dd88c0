package ca.passerelle.matching;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * The directory in memory, shaped for matching: one bit set per domain, province, language and
 * yes/no facet (a query ANDs a handful of them, a few thousand long words), term postings for
 * free text, and sites in a grid of quarter-degree cells for "within N km". What cannot be a bit
 * (age, gender, open now, exact distance) is checked on the few services the bits leave.
 * Immutable: a change builds a new index, and readers never wait.
 */
final class ServiceIndex {

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

    ServiceIndex(List<ServiceFacts> directory) {
        int size = directory.size();
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
        Map<String, Postings> terms = new HashMap<>();
        List<long[]> sites = new ArrayList<>();
        for (int slot = 0; slot < size; slot++) {
            ServiceFacts facts = directory.get(slot);
            IndexedService service = IndexedService.of(facts);
            services[slot] = service;
            set(active, slot, facts.active());
            set(open247, slot, facts.open247());
            set(substanceUseAccessible, slot, facts.substanceUseAccessible());
            set(noStatusRequired, slot, facts.noStatusRequired());
            set(traffickingSpecific, slot, facts.traffickingSpecific());
            set(accepting, slot, facts.capacity() != null && "accepting".equals(facts.capacity().status()));
            set(withoutSites, slot, facts.sites().isEmpty());
            for (NeedDomain domain : facts.domains()) {
                set(byDomain[domain.ordinal()], slot, true);
            }
            for (Province province : facts.provinces()) {
                set(byProvince[province.ordinal()], slot, true);
            }
            for (String language : facts.languages()) {
                set(byLanguage.computeIfAbsent(language, l -> new long[words]), slot, true);
            }
            for (String term : Words.terms(facts.words())) {
                terms.computeIfAbsent(term, t -> new Postings()).add(slot);
            }
            for (int site = 0; site < service.sites().length; site++) {
                sites.add(new long[] {cell(service.sites()[site]), slot, site});
            }
        }
        byTerm = HashMap.newHashMap(terms.size());
        terms.forEach((term, postings) -> byTerm.put(term, postings.toArray()));

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

    int size() {
        return services.length;
    }

    /**
     * The best {@code query.limit()} services meeting every hard constraint, the total meeting
     * them, and (for several domains) a bundle covering them.
     *
     * @param area the province {@code query.near()} is in: services without a site that serve it
     *             meet a radius
     */
    Found search(MatchQuery query, Province area) {
        long[] candidates = candidates(query);
        Search search = new Search(query, area);
        if (candidates == null) {
            return search.found();
        }
        if (query.near() != null && query.radiusKm() != null) {
            visitSitesWithin(query.near(), query.radiusKm(), candidates, search);
            if (area != null) {
                long[] remote = and(and(candidates.clone(), withoutSites), byProvince[area.ordinal()]);
                forEachSlot(remote, slot -> search.consider(slot, Double.NaN, false));
            }
        } else {
            forEachSlot(candidates, slot -> {
                IndexedService.Nearest nearest = query.near() == null ? null : services[slot].nearestTo(query.near());
                search.consider(slot, nearest == null ? Double.NaN : nearest.kilometres(), nearest != null && nearest.confidential());
            });
        }
        return search.found();
    }

    /** The services every bit-set constraint allows, or null when one of them allows none. */
    private long[] candidates(MatchQuery query) {
        long[] candidates = active.clone();
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
                    search.consider(slot, nearest.kilometres(), nearest.confidential());
                }
            }
        }
    }

    /** One query's pass over the candidates: the last checks, the score, the best few, the bundle. */
    private final class Search {
        private final MatchQuery query;
        private final Province area;
        private final int requested;
        private final PriorityQueue<Ranking.Candidate> best;
        private final BundleBuilder bundle;
        private int total;

        Search(MatchQuery query, Province area) {
            this.query = query;
            this.area = area;
            this.requested = IndexedService.bits(query.domains());
            this.best = new PriorityQueue<>(query.limit() + 1, Ranking.BEST_FIRST.reversed());
            this.bundle = query.domains().size() > 1 ? new BundleBuilder(requested) : null;
        }

        void consider(int slot, double distanceKm, boolean confidential) {
            IndexedService service = services[slot];
            if (!service.takes(query.age(), query.gender())) {
                return;
            }
            boolean openNow = service.hours().isOpenAt(ZonedDateTime.ofInstant(query.at(), service.zone()));
            if (query.openNow() && !openNow && !service.card().open247()) {
                return;
            }
            total++;
            double score = Ranking.score(query, Integer.bitCount(service.domainBits() & requested), distanceKm,
                    service.card().open247(), openNow, service.card().capacity() == null ? null : service.card().capacity().status(),
                    service.card().traffickingSpecific());
            Ranking.Candidate candidate = new Ranking.Candidate(slot, service.card().id(), score, distanceKm);
            best.add(candidate);
            if (best.size() > query.limit()) {
                best.poll();
            }
            if (bundle != null) {
                bundle.offer(service.domainBits(), candidate);
            }
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
            IndexedService service = services[candidate.slot()];
            boolean confidential = query.near() != null && service.sites().length > 0 && service.nearestTo(query.near()).confidential();
            Set<NeedDomain> covered = EnumSet.noneOf(NeedDomain.class);
            query.domains().stream().filter(d -> (service.domainBits() & 1 << d.ordinal()) != 0).forEach(covered::add);
            Double shown = Ranking.shownDistance(candidate.distanceKm(), confidential);
            boolean openNow = service.hours().isOpenAt(ZonedDateTime.ofInstant(query.at(), service.zone()));
            return new Match(service.card(), candidate.score(), shown, covered, Ranking.missing(query, covered),
                    Ranking.reasons(query, service.card(), covered, shown, confidential, openNow, area));
        }
    }

    record Found(List<Match> results, int total, Bundle bundle) {
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

    /** A growing list of slots, in increasing order since slots are indexed in order. */
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

        int[] toArray() {
            return Arrays.copyOf(slots, size);
        }
    }
}
