package ca.passerelle.shared;

import java.util.Locale;

/** Canada's two official languages, in which every screen, message and export exists. */
public enum Language {
    FR, EN;

    /** Asked for every text shown, so worked out once. */
    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
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
