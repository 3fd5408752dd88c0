package ca.passerelle.directory;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.passerelle.shared.Language;
import ca.passerelle.shared.LocalizedText;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * A service as a curator writes it: every text in French and English, the facets, the hours,
 * the one site where it is given and the area it serves. Already checked by the form.
 */
public record ServiceDraft(
        OrganizationId organization,
        Language recordLanguage,
        LocalizedText name,
        LocalizedText description,
        LocalizedText eligibility,
        LocalizedText applicationProcess,
        LocalizedText fees,
        LocalizedText waitTime,
        LocalizedText alert,
        String status,
        Set<NeedDomain> domains,
        boolean noStatusRequired,
        boolean substanceUseAccessible,
        boolean traffickingSpecific,
        Integer minimumAge,
        Integer maximumAge,
        Set<String> genders,
        String phone,
        String email,
        String url,
        Map<DayOfWeek, List<OpeningHours.Hours>> hours,
        List<String> languages,
        Site site,
        Area area,
        String capacityUnit,
        Integer capacityMaximum) {

    /** Where the service is given; all parts empty for a service without a place (a phone line). */
    public record Site(String address, String city, Province province, String postalCode, BigDecimal latitude,
            BigDecimal longitude, boolean confidential) {

        public boolean isEmpty() {
            return address == null && city == null && latitude == null;
        }
    }

    /** How far the service reaches: its city, its whole province, or all of Canada. */
    public enum Area { LOCAL, PROVINCE, CANADA }
}
