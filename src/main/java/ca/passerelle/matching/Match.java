package ca.passerelle.matching;

import java.util.List;
import java.util.Set;

import ca.passerelle.shared.NeedDomain;

/**
 * A service that meets every hard constraint of a query, with what ranks it and why.
 *
 * @param distanceKm to its nearest site, rounded; coarse (to 5 km) when that site is confidential;
 *                   null when there is no place in the query or the service has no site
 * @param covered the requested domains it covers
 * @param missing the requested domains it does not
 */
public record Match(ServiceCard service, double score, Double distanceKm, Set<NeedDomain> covered,
        Set<NeedDomain> missing, List<Reason> reasons) {
}
