package ca.passerelle.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/**
 * Everything a worker needs to act on a service: how to reach it now, when it is open, who it
 * serves, in which languages, where (unless the place is confidential and the reader is not
 * staff), and how fresh its capacity figures are.
 */
public record ServiceDetails(
        ServiceId id,
        OrganizationId organizationId,
        ShownText name,
        ShownText organization,
        ShownText description,
        String status,
        ShownText alert,
        String url,
        String email,
        List<NeedDomain> domains,
        boolean noStatusRequired,
        boolean substanceUseAccessible,
        boolean traffickingSpecific,
        Capacity capacity,
        Integer minimumAge,
        Integer maximumAge,
        List<String> genders,
        ShownText eligibility,
        ShownText applicationProcess,
        ShownText fees,
        ShownText waitTime,
        ShownText interpretation,
        List<ShownText> requiredDocuments,
        List<Phone> phones,
        OpeningHours hours,
        List<ShownText> scheduleNotes,
        ZoneId zone,
        List<String> languages,
        List<Site> sites,
        List<ServedArea> areas,
        Instant lastModified,
        long version) {

    /** A number to call, with what it is for. */
    public record Phone(String number, String extension, ShownText description) {

        /** The number for a {@code tel:} link: digits and a leading +. */
        public String dialable() {
            String digits = number.replaceAll("[^0-9+]", "");
            return extension == null ? digits : digits + ";ext=" + extension;
        }
    }

    /**
     * A place where the service is given. For a confidential place read by the public, the
     * address, postal code, coordinates and directions are absent: only the city shows.
     */
    public record Site(ShownText name, boolean confidential, String address, String city, Province province,
            String postalCode, Double latitude, Double longitude, ShownText transportation, List<ShownText> accessibility) {

        public boolean withheld() {
            return confidential && address == null;
        }
    }

    /** Where the service is offered: all of Canada, a whole province, or a named place. */
    public record ServedArea(boolean canada, Province province, String name) {

        static ServedArea named(String name) {
            return new ServedArea(name.strip().equalsIgnoreCase("canada"), Province.fromCode(name).orElse(null), name);
        }
    }

    public boolean active() {
        return "active".equals(status);
    }
}
