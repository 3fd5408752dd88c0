package ca.passerelle.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ca.passerelle.shared.NeedDomain;

/**
 * The answer to a query: the best services, how many meet it in all, and, when none does, the
 * constraints that emptied it and the nearest queries that find something.
 *
 * @param bundle for a query of several domains, services that together cover them; else null
 * @param toCoverTheRest when something was found but the bundle leaves domains uncovered, for each in
 *                       order the nearest queries under which services cover it (asking that domain
 *                       only); none for a domain no service covers even so
 */
public record Matches(MatchQuery query, List<Match> results, int total, List<Relaxation> relaxations, Bundle bundle,
        Map<NeedDomain, List<Relaxation>> toCoverTheRest) {

    /**
     * The domains asked that none of the services found covers; none when nothing was found (the
     * constraints that emptied the answer say why instead) or one domain was asked.
     */
    public Set<NeedDomain> uncovered() {
        return uncovered(total, bundle);
    }

    static Set<NeedDomain> uncovered(int total, Bundle bundle) {
        return total == 0 || bundle == null ? Set.of() : bundle.uncovered();
    }

    /** The constraints that emptied the answer: those which, given up, find something. */
    public Set<Constraint> emptiedBy() {
        return relaxations.stream().flatMap(r -> r.dropped().stream()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
