package ca.passerelle.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.passerelle.directory.ServiceId;
import ca.passerelle.matching.Match;
import ca.passerelle.matching.MatchQuery;
import ca.passerelle.matching.Matcher;
import ca.passerelle.matching.Matches;
import ca.passerelle.matching.Places;
import ca.passerelle.matching.Relaxation;
import ca.passerelle.person.Person;
import ca.passerelle.shared.Province;
import org.springframework.stereotype.Component;

/**
 * The services a worker is offered to refer a person to: those meeting the person's needs that
 * would take them. The person's record asks their year of birth and gender because some services
 * are for youth or adults only, or for women, men or gender-diverse people only (a referral to one
 * that would not take them is declined), and the languages they speak to find services that speak
 * them: those come first, without hiding the others, which may help with an interpreter.
 */
@Component
class ServicesForAPerson {

    static final double RADIUS_KM = 50;

    private final Matcher matcher;
    private final Clock clock;

    ServicesForAPerson(Matcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
    }

    /**
     * What was offered: the services, and the radius they were found within when none was within
     * {@link #RADIUS_KM} of the place (null otherwise).
     */
    record Offer(List<Match> services, Double widenedToKm) {
    }

    /**
     * Near a place, within {@link #RADIUS_KM}; when none is that near, the nearest farther out: a
     * worker at 3 a.m. is shown somewhere to call rather than an empty list.
     */
    Offer near(Person person, Places.Place place) {
        Matches matches = matcher.match(wanted(person).near(place.point(), RADIUS_KM).build());
        return matches.relaxations().stream().filter(relaxation -> relaxation.radiusKm() != null).findFirst()
                .map(wider -> new Offer(inTheirLanguagesFirst(person, wider.query()), wider.radiusKm()))
                .orElseGet(() -> new Offer(inTheirLanguagesFirst(person, matches.query()), null));
    }

    /** In the person's province, when it is known; else anywhere. */
    List<Match> inTheirProvince(Person person) {
        return inProvince(person, person.province());
    }

    /** In this province; anywhere when null. */
    List<Match> inProvince(Person person, Province province) {
        return inTheirLanguagesFirst(person, wanted(person).province(province).build());
    }

    /** The age the person turns this year: a year of birth says no more. Null when not told. */
    Integer ageOf(Person person) {
        return person.birthYear() == null ? null : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear() - person.birthYear();
    }

    /** A person's gender as services name those they serve ("woman": "women"); null when not told. */
    static String servedAs(String gender) {
        return gender == null ? null : switch (gender) {
            case "woman" -> "women";
            case "man" -> "men";
            default -> gender;
        };
    }

    private MatchQuery.Builder wanted(Person person) {
        return MatchQuery.builder().domains(person.needs()).limit(MatchQuery.DEFAULT_LIMIT)
                .age(ageOf(person)).gender(servedAs(person.gender()));
    }

    private List<Match> inTheirLanguagesFirst(Person person, MatchQuery query) {
        List<Match> found = matcher.match(query).results();
        if (person.languages().isEmpty()) {
            return found;
        }
        List<Match> speaking = matcher.match(query.toBuilder().languages(Set.copyOf(person.languages())).build()).results();
        Set<ServiceId> first = speaking.stream().map(match -> match.service().id()).collect(Collectors.toSet());
        return Stream.concat(speaking.stream(), found.stream().filter(match -> !first.contains(match.service().id())))
                .limit(query.limit()).toList();
    }
}
