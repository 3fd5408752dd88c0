package ca.passerelle.person;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * A person an organisation supports, as little as helping them needs: a name they chose (an alias
 * is fine), and only what they agree to tell.
 *
 * @param birthYear    null when not told
 * @param gender       null when not told
 * @param province     null when not told
 * @param version      the number of changes so far: a form made from an older one is stale
 */
public record Person(PersonId id, UUID organisation, String chosenName, Integer birthYear, String gender,
        List<String> languages, Province province, ContactPreference contact, Set<NeedDomain> needs,
        UUID recordedBy, Instant recordedAt, int version) {

    public Person {
        languages = List.copyOf(languages);
        needs = Set.copyOf(needs);
    }
}
