package ca.passerelle.matching;

import java.util.Set;

import ca.passerelle.directory.Capacity;
import ca.passerelle.directory.ServiceFacts.NamesInLanguages;
import ca.passerelle.directory.ServiceId;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/** A matched service as a list shows it, held in memory so an answer never waits on the database. */
public record ServiceCard(
        ServiceId id,
        NamesInLanguages names,
        NamesInLanguages organizations,
        Set<NeedDomain> domains,
        String city,
        Province province,
        String phone,
        Set<String> languages,
        boolean open247,
        boolean substanceUseAccessible,
        boolean noStatusRequired,
        boolean traffickingSpecific,
        Capacity capacity) {
}
