package ca.passerelle.person;

import java.util.List;
import java.util.Set;

import ca.passerelle.consent.DataCategory;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * What another organisation may see of a person: only the categories the share check allowed,
 * everything else absent. Without the contact category, the person is reached through the worker
 * who shared the record.
 *
 * @param chosenName null unless identity is covered
 */
public record SharedPerson(PersonId id, Set<DataCategory> categories, String chosenName, Integer birthYear, String gender,
        List<String> languages, Province province, Set<NeedDomain> needs, ContactPreference contact) {

    public SharedPerson {
        categories = Set.copyOf(categories);
        languages = List.copyOf(languages);
        needs = Set.copyOf(needs);
    }

    static SharedPerson of(Person person, Set<DataCategory> categories) {
        boolean identity = categories.contains(DataCategory.IDENTITY);
        boolean needs = categories.contains(DataCategory.NEEDS);
        return new SharedPerson(person.id(), categories,
                identity ? person.chosenName() : null,
                identity ? person.birthYear() : null,
                identity ? person.gender() : null,
                needs ? person.languages() : List.of(),
                needs ? person.province() : null,
                needs ? person.needs() : Set.of(),
                categories.contains(DataCategory.CONTACT) ? person.contact()
                        : new ContactPreference(ContactChannel.THROUGH_WORKER, null, null, null));
    }

    public boolean covers(DataCategory category) {
        return categories.contains(category);
    }
}
