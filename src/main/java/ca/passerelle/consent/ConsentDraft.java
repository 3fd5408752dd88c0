package ca.passerelle.consent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A consent as the worker records it, checked before anything is written.
 *
 * @param explainedIn the language it was explained in, as a code such as {@code fr}
 */
public record ConsentDraft(Set<DataCategory> categories, Set<UUID> recipients, ConsentPurpose purpose,
        ConsentManner givenAs, String explainedIn, LocalDate expiresOn) {

    /** Beyond this, a consent is asked again: people's situations change. */
    public static final int LONGEST_YEARS = 2;

    public ConsentDraft {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        recipients = recipients == null ? Set.of() : Set.copyOf(recipients);
    }

    /**
     * What is wrong with the draft, by field, as message keys; empty when it can be recorded.
     *
     * @param organisation the recording organisation, which cannot share with itself
     */
    public Map<String, String> problems(LocalDate today, UUID organisation, Set<UUID> knownOrganisations) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (categories.isEmpty()) {
            problems.put("categories", "consent.problem.categories");
        }
        if (recipients.isEmpty()) {
            problems.put("recipients", "consent.problem.recipients");
        } else if (recipients.contains(organisation) || !knownOrganisations.containsAll(recipients)) {
            problems.put("recipients", "consent.problem.unknown-recipient");
        }
        if (purpose == null) {
            problems.put("purpose", "consent.problem.purpose");
        }
        if (givenAs == null) {
            problems.put("givenAs", "consent.problem.given-as");
        }
        if (explainedIn == null || !explainedIn.matches("[a-z]{2,3}")) {
            problems.put("explainedIn", "consent.problem.explained-in");
        }
        if (expiresOn == null || expiresOn.isBefore(today) || expiresOn.isAfter(today.plusYears(LONGEST_YEARS))) {
            problems.put("expiresOn", "consent.problem.expires-on");
        }
        return problems;
    }
}
