package ca.passerelle.matching;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answer to a query: the best services, how many meet it in all, and, when none does, the
 * constraints that emptied it and the nearest queries that find something.
 *
 * @param bundle for a query of several domains, services that together cover them; else null
 * @param toCoverTheRest when something was found but the bundle leaves domains uncovered, the nearest
 *                       queries under which services cover them (each asking those domains only)
 */
public record Matches(MatchQuery query, List<Match> results, int total, List<Relaxation> relaxations, Bundle bundle,
        List<Relaxation> toCoverTheRest) {

    /** The constraints that emptied the answer: those which, given up, find something. */
    public Set<Constraint> emptiedBy() {
        return relaxations.stream().flatMap(r -> r.dropped().stream()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
