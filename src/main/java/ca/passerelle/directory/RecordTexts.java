package ca.passerelle.directory;

import java.util.HashMap;
import java.util.Map;

import ca.passerelle.directory.hsds.PasserelleTaxonomy;
import ca.passerelle.shared.Language;

/**
 * The texts of one HSDS record in both languages: its own fields, written in its record
 * language, and its Passerelle translation attributes, written in the other.
 */
final class RecordTexts {

    private final Map<String, String> fields;
    private final Map<String, String> passerelle;
    private final Language recordLanguage;

    /** {@code fields}: the record's HSDS text fields; {@code passerelle}: its Passerelle attributes by term code. */
    RecordTexts(Map<String, String> fields, Map<String, String> passerelle) {
        this.fields = fields;
        this.passerelle = passerelle == null ? Map.of() : passerelle;
        this.recordLanguage = Language.fromCode(this.passerelle.get(PasserelleTaxonomy.RECORD_LANGUAGE.code()));
    }

    /** The field in {@code wanted}, else in the language it exists in, else {@code null}. */
    ShownText text(String field, Language wanted) {
        String own = blankToNull(fields.get(field));
        if (wanted == recordLanguage && own != null) {
            return new ShownText(own, recordLanguage);
        }
        String translated = blankToNull(passerelle.get(PasserelleTaxonomy.translation(wanted, field).code()));
        if (translated != null) {
            return new ShownText(translated, wanted);
        }
        if (own != null) {
            return new ShownText(own, recordLanguage);
        }
        Language other = wanted == Language.FR ? Language.EN : Language.FR;
        String otherwise = blankToNull(passerelle.get(PasserelleTaxonomy.translation(other, field).code()));
        return otherwise == null ? null : new ShownText(otherwise, other);
    }

    static Map<String, String> fieldsOf(String... namesAndValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
