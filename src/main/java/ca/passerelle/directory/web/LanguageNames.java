package ca.passerelle.directory.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The names of languages in the reader's own language, from their ISO 639 codes. */
final class LanguageNames {

    /** Languages a search can ask for: Canada's two, Indigenous languages, and those most spoken by newcomers. */
    static final List<String> SEARCHABLE = List.of("fr", "en", "ar", "zh", "es", "tl", "pa", "pt", "uk", "ht", "vi",
            "ko", "fa", "so", "ti", "de", "iu", "cr", "oj");

    private LanguageNames() {
    }

    static Map<String, String> of(Collection<String> codes, Locale reader) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : codes) {
            names.put(code, name(code, reader));
        }
        return names;
    }

    static String name(String code, Locale reader) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        if (name.isBlank() || name.equalsIgnoreCase(code)) {
            return code;
        }
        return name.substring(0, 1).toUpperCase(reader) + name.substring(1);
    }
}
