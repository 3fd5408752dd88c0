package ca.passerelle.matching;

import java.util.List;
import java.util.Set;

import ca.passerelle.shared.NeedDomain;

/**
 * A few services that between them cover every domain a person needs, nearest first.
 *
 * @param uncovered requested domains no matching service covers
 */
public record Bundle(List<Match> services, Set<NeedDomain> uncovered) {
}
