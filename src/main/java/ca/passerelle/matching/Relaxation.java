package ca.passerelle.matching;

import java.util.Set;

/**
 * A nearby query that finds something when the asked one found nothing.
 *
 * @param dropped the constraints given up; for {@link Constraint#RADIUS} with a wider radius, the
 *                radius is widened rather than dropped, and for {@link Constraint#TEXT} with words,
 *                other words are asked
 * @param radiusKm the wider radius, when that is the relaxation
 * @param words the words asked instead, when that is the relaxation: respelled ("shelter" for
 *              "shleter") or fewer ("juridique" for "aide juridique")
 * @param total how many services the relaxed query finds
 */
public record Relaxation(Set<Constraint> dropped, Double radiusKm, String words, int total, MatchQuery query) {

    static Relaxation dropping(Set<Constraint> dropped, int total, MatchQuery relaxed) {
        return new Relaxation(dropped, null, null, total, relaxed);
    }

    /** Other words asked instead of the query's: {@code relaxed} asks them. */
    static Relaxation askingInstead(String words, int total, MatchQuery relaxed) {
        return new Relaxation(Set.of(Constraint.TEXT), null, words, total, relaxed);
    }
}
