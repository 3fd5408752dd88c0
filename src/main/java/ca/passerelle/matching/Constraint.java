package ca.passerelle.matching;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A hard constraint of a {@link MatchQuery}: what an empty answer is blamed on, and how the
 * query reads without it.
 */
public enum Constraint {
    RADIUS(q -> q.radiusKm() != null, b -> b.radius(null)),
    OPEN_NOW(MatchQuery::openNow, b -> b.openNow(false)),
    OPEN_24_7(MatchQuery::open247, b -> b.open247(false)),
    ACCEPTING_NEW_CLIENTS(MatchQuery::acceptingNewClients, b -> b.acceptingNewClients(false)),
    LANGUAGES(q -> !q.languages().isEmpty(), b -> b.languages(java.util.Set.of())),
    TEXT(q -> q.text() != null, b -> b.text(null)),
    AGE(q -> q.age() != null, b -> b.age(null)),
    GENDER(q -> q.gender() != null, b -> b.gender(null)),
    SUBSTANCE_USE_ACCESSIBLE(MatchQuery::substanceUseAccessible, b -> b.substanceUseAccessible(false)),
    NO_STATUS_REQUIRED(MatchQuery::noStatusRequired, b -> b.noStatusRequired(false)),
    TRAFFICKING_SPECIFIC(MatchQuery::traffickingSpecific, b -> b.traffickingSpecific(false)),
    PROVINCE(q -> q.province() != null, b -> b.province(null));

    private final Predicate<MatchQuery> present;
    private final UnaryOperator<MatchQuery.Builder> removal;

    Constraint(Predicate<MatchQuery> present, UnaryOperator<MatchQuery.Builder> removal) {
        this.present = present;
        this.removal = removal;
    }

    boolean isIn(MatchQuery query) {
        return present.test(query);
    }

    MatchQuery removedFrom(MatchQuery query) {
        return removal.apply(query.toBuilder()).build();
    }

    public String messageKey() {
        return "match.constraint." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
