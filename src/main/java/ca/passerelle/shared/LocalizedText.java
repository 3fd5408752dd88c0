package ca.passerelle.shared;

import java.util.Locale;

import org.springframework.util.StringUtils;

/**
 * A text written in French, in English or in both. A reader in one language sees the other
 * language's text when a translation is missing, never an empty line.
 */
public record LocalizedText(String fr, String en) {

    public LocalizedText {
        fr = StringUtils.hasText(fr) ? fr.strip() : null;
        en = StringUtils.hasText(en) ? en.strip() : null;
    }

    public static LocalizedText of(String fr, String en) {
        return new LocalizedText(fr, en);
    }

    public static LocalizedText empty() {
        return new LocalizedText(null, null);
    }

    /** The text in the language of {@code locale}, else in the other language, else {@code null}. */
    public String in(Locale locale) {
        return in(Language.of(locale));
    }

    public String in(Language language) {
        String preferred = language == Language.FR ? fr : en;
        return preferred != null ? preferred : (language == Language.FR ? en : fr);
    }

    /** Whether the text exists in {@code language} itself, not through the fallback. */
    public boolean isWrittenIn(Language language) {
        return (language == Language.FR ? fr : en) != null;
    }

    public boolean isEmpty() {
        return fr == null && en == null;
    }

    @Override
    public String toString() {
        return in(Language.EN);
    }
}
