package ca.passerelle.person.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ca.passerelle.person.ContactChannel;
import ca.passerelle.person.ContactPreference;
import ca.passerelle.person.PersonDetails;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;

/** The person form as typed: every field a string or a list of codes, so nothing typed is lost when it comes back with a problem. */
public class PersonForm {

    private String chosenName = "";
    private String birthYear = "";
    private String gender = "";
    private List<String> languages = new ArrayList<>();
    private String province = "";
    private String contactChannel = ContactChannel.THROUGH_WORKER.name();
    private String safeContact = "";
    private String contactTimes = "";
    private String contactLanguage = "";
    private List<String> needs = new ArrayList<>();

    /** The details, or null in a field that could not be read (a year that is not a number shows as a problem). */
    PersonDetails details() {
        Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
        needs.forEach(code -> NeedDomain.fromCode(code).ifPresent(domains::add));
        ContactChannel channel = Arrays.stream(ContactChannel.values()).filter(c -> c.name().equals(contactChannel))
                .findFirst().orElse(null);
        return new PersonDetails(chosenName, year(), blankToNull(gender), languages,
                Province.fromCode(province == null ? "" : province).orElse(null),
                new ContactPreference(channel, safeContact, blankToNull(contactTimes), blankToNull(contactLanguage)), domains);
    }

    /** Whether the year of birth was typed but is not a number. */
    boolean birthYearUnreadable() {
        return !birthYear.isBlank() && year() == null;
    }

    private Integer year() {
        try {
            return birthYear.isBlank() ? null : Integer.valueOf(birthYear.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getChosenName() {
        return chosenName;
    }

    public void setChosenName(String chosenName) {
        this.chosenName = chosenName == null ? "" : chosenName;
    }

    public String getBirthYear() {
        return birthYear;
    }

    public void setBirthYear(String birthYear) {
        this.birthYear = birthYear == null ? "" : birthYear;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages == null ? new ArrayList<>() : languages;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getContactChannel() {
        return contactChannel;
    }

    public void setContactChannel(String contactChannel) {
        this.contactChannel = contactChannel;
    }

    public String getSafeContact() {
        return safeContact;
    }

    public void setSafeContact(String safeContact) {
        this.safeContact = safeContact;
    }

    public String getContactTimes() {
        return contactTimes;
    }

    public void setContactTimes(String contactTimes) {
        this.contactTimes = contactTimes;
    }

    public String getContactLanguage() {
        return contactLanguage;
    }

    public void setContactLanguage(String contactLanguage) {
        this.contactLanguage = contactLanguage;
    }

    public List<String> getNeeds() {
        return needs;
    }

    public void setNeeds(List<String> needs) {
        this.needs = needs == null ? new ArrayList<>() : needs;
    }
}
