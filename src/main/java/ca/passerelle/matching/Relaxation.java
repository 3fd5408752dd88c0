package ca.passerelle.matching;

import java.util.Set;

/**
 * A nearby query that finds something when the asked one found nothing.
 *
 * @param dropped the constraints given up; for {@link Constraint#RADIUS} with a wider radius, the
 *                radius is widened rather than dropped
 * @param radiusKm the wider radius, when that is the relaxation
 * @param total how many services the relaxed query finds
 */
public record Relaxation(Set<Constraint> dropped, Double radiusKm, int total, MatchQuery query) {
}
