package ca.passerelle.directory.web;

import java.util.regex.Pattern;

import ca.passerelle.directory.OrganizationDraft;
import ca.passerelle.shared.Language;
import ca.passerelle.shared.LocalizedText;
import org.springframework.validation.Errors;

/** The organisation form, in both languages, checking itself before anything is written. */
public class OrganizationForm {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private String recordLanguage = "fr";
    private String nameFr;
    private String nameEn;
    private String descriptionFr;
    private String descriptionEn;
    private String email;
    private String website;
    private String phone;
    private Long version;

    public void validate(Errors errors) {
        Language language = Language.fromCode(recordLanguage);
        if (language == null) {
            errors.rejectValue("recordLanguage", "validation.choose");
        } else {
            if (blank(language == Language.FR ? nameFr : nameEn)) {
                errors.rejectValue(language == Language.FR ? "nameFr" : "nameEn", "validation.name.in-record-language");
            }
            if (blank(language == Language.FR ? descriptionFr : descriptionEn)) {
                errors.rejectValue(language == Language.FR ? "descriptionFr" : "descriptionEn", "validation.description.in-record-language");
            }
        }
        if (!blank(email) && !EMAIL.matcher(email.strip()).matches()) {
            errors.rejectValue("email", "validation.email");
        }
        if (!blank(website) && !website.strip().matches("(?i)https?://\\S+\\.\\S+")) {
            errors.rejectValue("website", "validation.url");
        }
        if (!blank(phone) && phone.replaceAll("\\D", "").length() < 7) {
            errors.rejectValue("phone", "validation.phone");
        }
    }

    public OrganizationDraft toDraft() {
        return new OrganizationDraft(Language.fromCode(recordLanguage), LocalizedText.of(nameFr, nameEn),
                LocalizedText.of(descriptionFr, descriptionEn), trimmed(email), trimmed(website), trimmed(phone));
    }

    public static OrganizationForm of(OrganizationDraft draft, long version) {
        OrganizationForm form = new OrganizationForm();
        form.recordLanguage = draft.recordLanguage().code();
        form.nameFr = draft.name().fr();
        form.nameEn = draft.name().en();
        form.descriptionFr = draft.description().fr();
        form.descriptionEn = draft.description().en();
        form.email = draft.email();
        form.website = draft.website();
        form.phone = draft.phone();
        form.version = version;
        return form;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimmed(String text) {
        return blank(text) ? null : text.strip();
    }

    public String getRecordLanguage() { return recordLanguage; }
    public void setRecordLanguage(String recordLanguage) { this.recordLanguage = recordLanguage; }
    public String getNameFr() { return nameFr; }
    public void setNameFr(String nameFr) { this.nameFr = nameFr; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getDescriptionFr() { return descriptionFr; }
    public void setDescriptionFr(String descriptionFr) { this.descriptionFr = descriptionFr; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String descriptionEn) { this.descriptionEn = descriptionEn; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
