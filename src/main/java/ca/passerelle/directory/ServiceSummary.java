package ca.passerelle.directory;

import java.util.List;

import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/** A service as a list of results shows it: enough to choose, and to call at once. */
public record ServiceSummary(
        ServiceId id,
        ShownText name,
        ShownText organization,
        String status,
        List<NeedDomain> domains,
        String city,
        Province province,
        String phone,
        boolean open247,
        boolean noStatusRequired,
        boolean substanceUseAccessible,
        boolean traffickingSpecific,
        Capacity capacity,
        List<String> languages) {

    /** The phone number for a {@code tel:} link. */
    public String dialablePhone() {
        return phone == null ? null : phone.replaceAll("[^0-9+]", "");
    }

    public boolean active() {
        return "active".equals(status);
    }
}
