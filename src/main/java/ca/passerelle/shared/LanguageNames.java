package ca.passerelle.shared;

import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names of languages in the reader's own language, from their ISO 639 codes: the JDK's (CLDR),
 * with the few it lacks in a language the finder speaks, and in the reader's alphabetical order.
 */
public final class LanguageNames {

    /**
     * The languages a search can ask for and a service form offers: Canada's two, Indigenous
     * languages, and those most spoken by newcomers and by the people the network serves.
     */
    public static final List<String> COMMON = List.of("fr", "en", "ar", "zh", "es", "tl", "pa", "pt", "uk", "ht", "vi", "ko",
            "fa", "so", "ti", "am", "sw", "hi", "ur", "ru", "ro", "de", "iu", "cr", "oj");

    /** Names CLDR does not give in a language the finder speaks: it would show them in English, in another script. */
    private static final Map<String, Map<String, String>> MISSING = Map.of(
            "pa", Map.of("tl", "ਤਾਗਾਲੋਗ", "cr", "ਕ੍ਰੀ", "oj", "ਓਜਿਬਵੇ"));

    private LanguageNames() {
    }

    /** The name as said within a sentence ("parle anglais"), or the code itself for a language without one. */
    public static String name(String code, Locale reader) {
        String missing = MISSING.getOrDefault(reader.getLanguage(), Map.of()).get(code);
        if (missing != null) {
            return missing;
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        return name.isBlank() ? code : name;
    }

    /** The name as it heads a line of a list: "Anglais", "Árabe". */
    public static String capitalized(String code, Locale reader) {
        String name = name(code, reader);
        return name.substring(0, 1).toUpperCase(reader) + name.substring(1);
    }

    /** The codes by their names, in the reader's alphabetical order ("árabe" before "chino", "іспанська" before "китайська"). */
    public static List<String> alphabetical(Collection<String> codes, Locale reader) {
        Collator collator = Collator.getInstance(reader);
        return codes.stream().sorted(Comparator.comparing((String code) -> name(code, reader), collator)).toList();
    }

    /** Each code's {@link #capitalized} name, in the reader's alphabetical order. */
    public static Map<String, String> listed(Collection<String> codes, Locale reader) {
        Map<String, String> names = new LinkedHashMap<>();
        alphabetical(codes, reader).forEach(code -> names.put(code, capitalized(code, reader)));
        return names;
    }
}
