package ca.passerelle.directory;

import java.util.List;
import java.util.Set;

import ca.passerelle.shared.GeoPoint;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * Everything another module needs to choose a service for a person, and to show it in a list,
 * without reading the directory's tables: what it covers, where and when, for whom.
 *
 * @param status the HSDS status: only {@code active} services take people in
 * @param names the service's name in French and in English (or in the one language it has)
 * @param organizations its organisation's name, likewise
 * @param city the city of its first physical site, if any
 * @param province where it is, or the first province it serves
 * @param sites its places; a confidential site's point is for ranking only, never for display
 * @param provinces every province it has a site in or serves
 * @param languages ISO 639 codes of the languages it works in
 * @param minimumAge youngest person it takes, if it says
 * @param maximumAge oldest person it takes, if it says
 * @param genders the genders it is limited to; empty for everyone
 * @param hours its weekly opening hours
 * @param words every text a person may search it by, in every language it is written in
 */
public record ServiceFacts(
        ServiceId id,
        String status,
        NamesInLanguages names,
        NamesInLanguages organizations,
        Set<NeedDomain> domains,
        String city,
        Province province,
        String phone,
        List<Site> sites,
        Set<Province> provinces,
        Set<String> languages,
        Integer minimumAge,
        Integer maximumAge,
        Set<String> genders,
        boolean open247,
        boolean substanceUseAccessible,
        boolean noStatusRequired,
        boolean traffickingSpecific,
        Capacity capacity,
        OpeningHours hours,
        String words) {

    public boolean active() {
        return "active".equals(status);
    }

    /** A place where the service receives people. */
    public record Site(GeoPoint point, Province province, boolean confidential) {
    }

    /** A text as shown in French and in English, each marked with the language it is really in. */
    public record NamesInLanguages(ShownText french, ShownText english) {

        public ShownText in(Language language) {
            return language == Language.FR ? french : english;
        }
    }
}
