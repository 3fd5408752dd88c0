package ca.passerelle.matching;

import static ca.passerelle.matching.Bits.set;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * The bit sets a query ANDs (by domain, province, language, gender, age, yes/no facet and frequent
 * term) and those ranking narrows with (by the points a service can earn), over a segment's
 * services in one order: the segment's own slots, which follow the grid, or ids, which break ties
 * when there is no place to rank by.
 */
final class Facets {

    private static final int OLDEST = 120;
    private static final int MOST_POINTS_SHIFT = 16;
    static final int DOMAIN_BITS = (1 << MOST_POINTS_SHIFT) - 1;
    private static final int CHANGE_WHEN_OLD_SHIFT = 24;
    private static final int MOST_POINTS_BITS = (1 << CHANGE_WHEN_OLD_SHIFT - MOST_POINTS_SHIFT) - 1;

    /** Each index's slot in the segment, and each slot's index here; null when the order is the slots' own. */
    private final int[] slotAt;
    private final int[] indexOf;
    final long[][] byDomain = new long[NeedDomain.values().length][];
    final long[][] byProvince = new long[Province.values().length][];
    final Map<String, long[]> byLanguage = new HashMap<>();
    final Map<String, long[]> byGender = new HashMap<>();
    final long[] anyGender;
    final long[] open247;
    final long[] substanceUseAccessible;
    final long[] noStatusRequired;
    final long[] traffickingSpecific;
    final long[] accepting;
    /** By points: the services that can earn at least that many beyond their domains and distance (capacity, standing, hours). */
    final long[][] earningAtLeast = new long[Ranking.MOST_POINTS + 1][];
    /** Free-text terms found in one service in 32 or more, as bit sets: no bigger than their list. */
    final Map<String, long[]> byFrequentTerm = new HashMap<>();
    /** The same of the terms of the services' names. */
    final Map<String, long[]> byFrequentNameTerm = new HashMap<>();
    /** Every bit set: what a domain not asked reads as when narrowing. */
    final long[] all;
    /**
     * Each service's domain bits, the {@link #mostPoints} it can earn beyond its domains and distance
     * (standing, and hours at best), and how they {@link #changeWhenOld change} once its capacity is
     * old: bounds read them at once, in the order a search passes services.
     */
    final int[] domainsAndMostPoints;
    /** Each service's id: ties go to the lower one. */
    final ServiceId[] ids;
    /** Each service's opening hours and time zone, as {@link Search#schedule} numbers them: open now is asked of these. */
    final int[] schedules;
    private final short[] minimumAges;
    private final short[] maximumAges;
    private final AtomicReferenceArray<long[]> byAge = new AtomicReferenceArray<>(OLDEST + 1);

    /** @param slotAt each index's slot; null for the slots' own order */
    Facets(int size, int[] slotAt) {
        this.slotAt = slotAt;
        if (slotAt == null) {
            indexOf = null;
        } else {
            indexOf = new int[size];
            for (int index = 0; index < size; index++) {
                indexOf[slotAt[index]] = index;
            }
        }
        int words = (size + 63) >>> 6;
        anyGender = new long[words];
        open247 = new long[words];
        substanceUseAccessible = new long[words];
        noStatusRequired = new long[words];
        traffickingSpecific = new long[words];
        accepting = new long[words];
        all = new long[words];
        Arrays.fill(all, -1L);
        for (int i = 0; i < byDomain.length; i++) {
            byDomain[i] = new long[words];
        }
        for (int i = 0; i < byProvince.length; i++) {
            byProvince[i] = new long[words];
        }
        for (int i = 0; i < earningAtLeast.length; i++) {
            earningAtLeast[i] = new long[words];
        }
        minimumAges = new short[size];
        maximumAges = new short[size];
        domainsAndMostPoints = new int[size];
        ids = new ServiceId[size];
        schedules = new int[size];
    }

    int slotAt(int index) {
        return slotAt == null ? index : slotAt[index];
    }

    int indexOf(int slot) {
        return indexOf == null ? slot : indexOf[slot];
    }

    /**
     * Sets the bits of the service in this slot, and what ranking reads of it.
     *
     * @param mostPoints    the most it can earn beyond its domains and distance, its capacity fresh or old
     * @param changeWhenOld how many points more it earns once its capacity is old (fewer when negative)
     */
    void add(int slot, IndexedService service, int mostPoints, int changeWhenOld, int schedule) {
        int index = indexOf(slot);
        ServiceCard card = service.card();
        String capacity = card.capacity() == null ? null : card.capacity().status();
        set(open247, index, card.open247());
        set(substanceUseAccessible, index, card.substanceUseAccessible());
        set(noStatusRequired, index, card.noStatusRequired());
        set(traffickingSpecific, index, card.traffickingSpecific());
        set(accepting, index, "accepting".equals(capacity));
        set(anyGender, index, service.genders().isEmpty());
        for (int points = 0; points <= mostPoints; points++) {
            set(earningAtLeast[points], index, true);
        }
        for (NeedDomain domain : card.domains()) {
            set(byDomain[domain.ordinal()], index, true);
        }
        for (Province province : service.provinces()) {
            set(byProvince[province.ordinal()], index, true);
        }
        for (String language : card.languages()) {
            set(byLanguage.computeIfAbsent(language, l -> new long[all.length]), index, true);
        }
        for (String gender : service.genders()) {
            set(byGender.computeIfAbsent(gender, g -> new long[all.length]), index, true);
        }
        minimumAges[index] = age(service.minimumAge());
        maximumAges[index] = age(service.maximumAge());
        domainsAndMostPoints[index] = service.domainBits() | mostPoints << MOST_POINTS_SHIFT | changeWhenOld << CHANGE_WHEN_OLD_SHIFT;
        ids[index] = card.id();
        schedules[index] = schedule;
    }

    /** The most points a service can earn beyond its domains and distance, from its {@link #domainsAndMostPoints}. */
    static int mostPoints(int packed) {
        return packed >>> MOST_POINTS_SHIFT & MOST_POINTS_BITS;
    }

    /** How many points more it earns once its capacity is old, fewer when negative: 0 when they never change. */
    static int changeWhenOld(int packed) {
        return packed >> CHANGE_WHEN_OLD_SHIFT;
    }

    /** A term found in these slots (one in 32 services or more), in {@link #byFrequentTerm} or {@link #byFrequentNameTerm}. */
    void addFrequentTerm(Map<String, long[]> terms, String term, int[] slots) {
        long[] having = new long[all.length];
        for (int slot : slots) {
            set(having, indexOf(slot), true);
        }
        terms.put(term, having);
    }

    private static short age(Integer years) {
        return years == null ? -1 : (short) Math.clamp(years, 0, Short.MAX_VALUE);
    }

    /** The services taking a person of this age; the usual ages are remembered, each worked out once. */
    long[] taking(int age) {
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
        long[] taking = new long[all.length];
        for (int index = 0; index < minimumAges.length; index++) {
            set(taking, index, (minimumAges[index] < 0 || age >= minimumAges[index]) && (maximumAges[index] < 0 || age <= maximumAges[index]));
        }
        return taking;
    }
}
