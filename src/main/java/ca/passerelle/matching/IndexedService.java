package ca.passerelle.matching;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.passerelle.directory.ServiceFacts;
import ca.passerelle.directory.ShownText;
import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * A service as the index keeps it: what is checked one service at a time (sites, ages, genders,
 * hours) and the card shown for it. Texts are not kept: they live in the index's term postings.
 *
 * @param confidential by site, whether its address is kept secret; null when none is, as for most
 *                     services, so explaining a result reads no array to learn it
 * @param capacitySaid what a worker reads of its capacity once the figure is a day old, with the day
 *                     it was said ({@link Ranking#capacitySaid}); null when it says nothing
 */
record IndexedService(
        ServiceCard card,
        boolean active,
        Set<Province> provinces,
        int domainBits,
        GeoPoint[] sites,
        boolean[] confidential,
        Integer minimumAge,
        Integer maximumAge,
        Set<String> genders,
        WeeklyHours hours,
        ZoneId zone,
        Reason capacitySaid) {

    private static final NeedDomain[] DOMAINS = NeedDomain.values();

    /** The service's names in French and English as one text: a service named for the words typed ranks higher. */
    static String names(ServiceFacts facts) {
        return Stream.of(facts.names().french(), facts.names().english()).filter(Objects::nonNull).map(ShownText::text)
                .filter(Objects::nonNull).distinct().collect(Collectors.joining(" "));
    }

    static IndexedService of(ServiceFacts facts) {
        return of(facts, new Sharing());
    }

    /** @param sharing equal values met before, to keep one copy of each */
    static IndexedService of(ServiceFacts facts, Sharing sharing) {
        GeoPoint[] sites = new GeoPoint[facts.sites().size()];
        boolean[] confidential = null;
        for (int i = 0; i < sites.length; i++) {
            sites[i] = facts.sites().get(i).point();
            if (facts.sites().get(i).confidential()) {
                if (confidential == null) {
                    confidential = new boolean[sites.length];
                }
                confidential[i] = true;
            }
        }
        ServiceCard card = new ServiceCard(facts.id(), facts.names(), sharing.one(facts.organizations()),
                sharing.one(facts.domains()), sharing.one(facts.city()), facts.province(), facts.phone(),
                sharing.one(facts.languages()), facts.open247(), facts.substanceUseAccessible(), facts.noStatusRequired(),
                facts.traffickingSpecific(), facts.capacity());
        // a service placed nowhere keeps the hours of the zone most Canadians live in
        ZoneId zone = (facts.province() == null ? Province.ON : facts.province()).zone();
        return new IndexedService(card, facts.active(), sharing.one(facts.provinces()), bits(facts.domains()), sites,
                confidential, facts.minimumAge(), facts.maximumAge(), sharing.one(facts.genders()), sharing.one(WeeklyHours.of(facts.hours())),
                zone, sharing.one(Ranking.capacitySaid(facts.capacity(), zone)));
    }

    /**
     * One copy of each value many services share (a city, an organisation's names, a set of
     * languages or domains): at hundreds of thousands of services, copies would fill the heap.
     */
    static final class Sharing {
        private final Map<Object, Object> values = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> T one(T value) {
            return value == null ? null : (T) values.computeIfAbsent(value, v -> v);
        }
    }

    /** The domains of these bits, by {@code NeedDomain} ordinal: {@link #bits} the other way. */
    static Set<NeedDomain> domains(int bits) {
        Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
        for (int left = bits; left != 0; left &= left - 1) { // a loop over bits, not a stream: every result is explained
            domains.add(DOMAINS[Integer.numberOfTrailingZeros(left)]);
        }
        return domains;
    }

    static int bits(Set<NeedDomain> domains) {
        int bits = 0;
        for (NeedDomain domain : domains) {
            bits |= 1 << domain.ordinal();
        }
        return bits;
    }

    /** Whether a person of this age and gender may use it. */
    boolean takes(Integer age, String gender) {
        boolean ageFits = age == null || (minimumAge == null || age >= minimumAge) && (maximumAge == null || age <= maximumAge);
        return ageFits && (gender == null || genders.isEmpty() || genders.contains(gender));
    }

    /** Whether a site of it is confidential: only then does it matter which site is the nearest. */
    boolean hasConfidentialSite() {
        return confidential != null;
    }

    /** The nearest site and its distance, or NaN distance when it has none. */
    Nearest nearestTo(GeoPoint point) {
        double best = Double.NaN;
        boolean secret = false;
        for (int i = 0; i < sites.length; i++) {
            double distance = point.kilometresTo(sites[i]);
            if (Double.isNaN(best) || distance < best) {
                best = distance;
                secret = confidential != null && confidential[i];
            }
        }
        return new Nearest(best, secret);
    }

    record Nearest(double kilometres, boolean confidential) {
    }
}
