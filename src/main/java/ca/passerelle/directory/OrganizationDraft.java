package ca.passerelle.directory;

import ca.passerelle.shared.Language;
import ca.passerelle.shared.LocalizedText;

/** An organisation as a curator writes it, in French and English. Already checked by the form. */
public record OrganizationDraft(Language recordLanguage, LocalizedText name, LocalizedText description, String email,
        String website, String phone) {
}
