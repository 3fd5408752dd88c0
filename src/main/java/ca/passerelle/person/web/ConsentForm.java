package ca.passerelle.person.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.passerelle.consent.ConsentDraft;
import ca.passerelle.consent.ConsentManner;
import ca.passerelle.consent.ConsentPurpose;
import ca.passerelle.consent.DataCategory;

/** The consent form as typed, so nothing is lost when it comes back with a problem. */
public class ConsentForm {

    private List<String> categories = new ArrayList<>();
    private List<String> recipients = new ArrayList<>();
    private String purpose = ConsentPurpose.REFERRAL.name();
    private String givenAs = "";
    private String explainedIn = "";
    private String expiresOn = "";

    ConsentForm() {
    }

    ConsentForm(String explainedIn, LocalDate expiresOn) {
        this.explainedIn = explainedIn;
        this.expiresOn = expiresOn.toString();
    }

    /** The draft; a date that cannot be read is left out, and shows as a problem. */
    ConsentDraft draft() {
        Set<DataCategory> chosen = EnumSet.noneOf(DataCategory.class);
        Arrays.stream(DataCategory.values()).filter(c -> categories.contains(c.name())).forEach(chosen::add);
        Set<UUID> organisations = new HashSet<>();
        for (String recipient : recipients) {
            try {
                organisations.add(UUID.fromString(recipient));
            } catch (IllegalArgumentException notAnId) {
                // an id nobody offered: the draft is refused as naming an unknown organisation
                organisations.add(new UUID(0, 0));
            }
        }
        return new ConsentDraft(chosen, organisations,
                Arrays.stream(ConsentPurpose.values()).filter(p -> p.name().equals(purpose)).findFirst().orElse(null),
                Arrays.stream(ConsentManner.values()).filter(m -> m.name().equals(givenAs)).findFirst().orElse(null),
                explainedIn == null || explainedIn.isBlank() ? null : explainedIn.strip(), date());
    }

    private LocalDate date() {
        try {
            return expiresOn == null || expiresOn.isBlank() ? null : LocalDate.parse(expiresOn.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories == null ? new ArrayList<>() : categories;
    }

    public List<String> getRecipients() {
        return recipients;
    }

    public void setRecipients(List<String> recipients) {
        this.recipients = recipients == null ? new ArrayList<>() : recipients;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getGivenAs() {
        return givenAs;
    }

    public void setGivenAs(String givenAs) {
        this.givenAs = givenAs;
    }

    public String getExplainedIn() {
        return explainedIn;
    }

    public void setExplainedIn(String explainedIn) {
        this.explainedIn = explainedIn;
    }

    public String getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(String expiresOn) {
        this.expiresOn = expiresOn;
    }
}
