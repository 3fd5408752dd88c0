package ca.passerelle.matching;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * What a person needs and where they are. Every part is optional. Domains rank (a service
 * covering more of them comes first) and each result covers at least one; every other part is a
 * hard constraint, which {@link Constraint} names so an empty answer can say which one emptied it.
 *
 * @param near where the person is: results are ranked nearest first
 * @param radiusKm only services with a site this close to {@code near}, or serving its province from afar
 * @param province only services in or serving this province
 * @param languages only services working in one of these (ISO 639 codes)
 * @param age only services taking a person of this age
 * @param gender only services taking this gender (women, men, gender-diverse)
 * @param at the moment "open now" refers to
 * @param text words in French or English, each to be found, accents and case ignored
 * @param limit how many results to return
 */
public record MatchQuery(
        Set<NeedDomain> domains,
        GeoPoint near,
        Double radiusKm,
        Province province,
        Set<String> languages,
        Integer age,
        String gender,
        boolean openNow,
        boolean open247,
        boolean substanceUseAccessible,
        boolean noStatusRequired,
        boolean traffickingSpecific,
        boolean acceptingNewClients,
        String text,
        Instant at,
        int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAXIMUM_LIMIT = 200;

    public MatchQuery {
        domains = domains == null || domains.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(domains));
        languages = languages == null ? Set.of() : Set.copyOf(languages.stream()
                .filter(l -> l != null && !l.isBlank()).map(l -> l.strip().toLowerCase(Locale.ROOT)).toList());
        text = text == null || text.isBlank() ? null : text.strip();
        gender = gender == null || gender.isBlank() ? null : gender.strip().toLowerCase(Locale.ROOT);
        radiusKm = near == null ? null : radiusKm;
        at = at == null ? Instant.EPOCH : at;
        limit = Math.clamp(limit, 1, MAXIMUM_LIMIT);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The hard constraints this query has, in the order a person would give them up. */
    public Set<Constraint> constraints() {
        Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
        for (Constraint constraint : Constraint.values()) {
            if (constraint.isIn(this)) {
                constraints.add(constraint);
            }
        }
        return constraints;
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.domains.addAll(domains);
        builder.near = near;
        builder.radiusKm = radiusKm;
        builder.province = province;
        builder.languages.addAll(languages);
        builder.age = age;
        builder.gender = gender;
        builder.openNow = openNow;
        builder.open247 = open247;
        builder.substanceUseAccessible = substanceUseAccessible;
        builder.noStatusRequired = noStatusRequired;
        builder.traffickingSpecific = traffickingSpecific;
        builder.acceptingNewClients = acceptingNewClients;
        builder.text = text;
        builder.at = at;
        builder.limit = limit;
        return builder;
    }

    /** Assembles a query part by part; whatever is not said is not asked. */
    public static final class Builder {
        private final Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
        private GeoPoint near;
        private Double radiusKm;
        private Province province;
        private final Set<String> languages = new LinkedHashSet<>();
        private Integer age;
        private String gender;
        private boolean openNow;
        private boolean open247;
        private boolean substanceUseAccessible;
        private boolean noStatusRequired;
        private boolean traffickingSpecific;
        private boolean acceptingNewClients;
        private String text;
        private Instant at;
        private int limit = DEFAULT_LIMIT;

        public Builder domains(Set<NeedDomain> wanted) {
            domains.clear();
            domains.addAll(wanted);
            return this;
        }

        public Builder near(GeoPoint point, Double radius) {
            near = point;
            radiusKm = radius;
            return this;
        }

        public Builder radius(Double radius) {
            radiusKm = radius;
            return this;
        }

        public Builder province(Province wanted) {
            province = wanted;
            return this;
        }

        public Builder languages(Set<String> wanted) {
            languages.clear();
            languages.addAll(wanted);
            return this;
        }

        public Builder age(Integer years) {
            age = years;
            return this;
        }

        public Builder gender(String wanted) {
            gender = wanted;
            return this;
        }

        public Builder openNow(boolean wanted) {
            openNow = wanted;
            return this;
        }

        public Builder open247(boolean wanted) {
            open247 = wanted;
            return this;
        }

        public Builder substanceUseAccessible(boolean wanted) {
            substanceUseAccessible = wanted;
            return this;
        }

        public Builder noStatusRequired(boolean wanted) {
            noStatusRequired = wanted;
            return this;
        }

        public Builder traffickingSpecific(boolean wanted) {
            traffickingSpecific = wanted;
            return this;
        }

        public Builder acceptingNewClients(boolean wanted) {
            acceptingNewClients = wanted;
            return this;
        }

        public Builder text(String words) {
            text = words;
            return this;
        }

        public Builder at(Instant moment) {
            at = moment;
            return this;
        }

        public Builder limit(int wanted) {
            limit = wanted;
            return this;
        }

        public MatchQuery build() {
            return new MatchQuery(domains, near, radiusKm, province, languages, age, gender, openNow, open247,
                    substanceUseAccessible, noStatusRequired, traffickingSpecific, acceptingNewClients, text, at, limit);
        }
    }
}
