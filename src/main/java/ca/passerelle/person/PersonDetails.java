package ca.passerelle.person;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * What a worker records about a person, as typed, checked before anything is written.
 *
 * @param languages each once, in the order given
 * @param birthYear null when the person did not say
 */
public record PersonDetails(String chosenName, Integer birthYear, String gender, List<String> languages, Province province,
        ContactPreference contact, Set<NeedDomain> needs) {

    public static final int LONGEST_NAME = 80;
    public static final int LONGEST_CONTACT = 200;
    /** The genders a person may give; saying none is always possible. */
    public static final List<String> GENDERS = List.of("woman", "man", "gender-diverse");

    public PersonDetails {
        chosenName = chosenName == null ? "" : chosenName.strip();
        languages = languages == null ? List.of() : List.copyOf(new LinkedHashSet<>(languages));
        needs = needs == null ? Set.of() : Set.copyOf(needs);
    }

    /**
     * What is wrong with these details, by field, as message keys; empty when they can be recorded.
     *
     * @param thisYear the current year: a year of birth in the future is a typing mistake
     */
    public Map<String, String> problems(Year thisYear) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (chosenName.codePoints().noneMatch(Character::isLetterOrDigit)) {
            problems.put("chosenName", "person.problem.name-missing");
        } else if (chosenName.codePointCount(0, chosenName.length()) > LONGEST_NAME) {
            problems.put("chosenName", "person.problem.name-too-long");
        }
        if (birthYear != null && (birthYear < thisYear.getValue() - 120 || birthYear > thisYear.getValue())) {
            problems.put("birthYear", "person.problem.birth-year");
        }
        if (gender != null && !GENDERS.contains(gender)) {
            problems.put("gender", "person.problem.gender");
        }
        if (languages.stream().anyMatch(code -> !code.matches("[a-z]{2,3}"))) {
            problems.put("languages", "person.problem.languages");
        }
        if (contact == null || contact.channel() == null) {
            problems.put("contactChannel", "person.problem.channel-missing");
        } else {
            String safe = contact.safeContact() == null ? "" : contact.safeContact().strip();
            if (contact.channel().needsSafeContact() && safe.isEmpty()) {
                problems.put("safeContact", "person.problem.safe-contact-missing");
            } else if (safe.length() > LONGEST_CONTACT || contact.times() != null && contact.times().length() > LONGEST_CONTACT) {
                problems.put("safeContact", "person.problem.contact-too-long");
            }
        }
        return problems;
    }
}
