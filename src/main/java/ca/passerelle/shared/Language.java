package ca.passerelle.shared;

import java.util.Locale;

/** Canada's two official languages, in which every screen, message and export exists. */
public enum Language {
    FR, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.of(code());
    }

    /** French for a French locale, English for any other. */
    public static Language of(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? FR : EN;
    }

    /** The language of an ISO 639-1 code, or {@code null} when the code is neither. */
    public static Language fromCode(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "fr" -> FR;
            case "en" -> EN;
            default -> null;
        };
    }
}
