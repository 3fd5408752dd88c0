package ca.passerelle.directory;

import ca.passerelle.shared.Language;

/**
 * A text as a page shows it, and the language it is written in: when a record has no
 * translation, a French page shows its English text, marked English so screen readers say it right.
 */
public record ShownText(String text, Language language) {

    public String lang() {
        return language == null ? null : language.code();
    }

    @Override
    public String toString() {
        return text;
    }
}
