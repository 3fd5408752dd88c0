package ca.passerelle.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the public finder speaks: French and English, in which everything exists, and the
 * languages most spoken by the people the network serves, for the finder's own words (service
 * records stay as written, in French or English).
 *
 * @param tag  the BCP 47 tag a page declares in {@code <html lang>}
 * @param name the language's name in itself, as its speakers look for it
 */
public enum InterfaceLanguage {
    FR("fr", "Français", false),
    EN("en", "English", false),
    ES("es", "Español", false),
    PT("pt", "Português", false),
    TL("tl", "Tagalog", false),
    ZH("zh-Hans", "简体中文", false),
    PA("pa", "ਪੰਜਾਬੀ", false),
    AR("ar", "العربية", true),
    UK("uk", "Українська", false);

    private final String tag;
    private final String nativeName;
    private final boolean rightToLeft;

    InterfaceLanguage(String tag, String nativeName, boolean rightToLeft) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    /** What {@code ?lang=} says: the language subtag alone ("zh", not "zh-Hans"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String tag() {
        return tag;
    }

    public String nativeName() {
        return nativeName;
    }

    /** {@code rtl} or {@code ltr}, for {@code <html dir>}. */
    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** One of Canada's official languages, in which the rest of Passerelle and every record exists. */
    public boolean official() {
        return this == FR || this == EN;
    }

    public static Optional<InterfaceLanguage> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code().equals(wanted)).findFirst();
    }

    /** The language of a locale, English when the finder does not speak it. */
    public static InterfaceLanguage of(Locale locale) {
        return locale == null ? EN : fromCode(locale.getLanguage()).orElse(EN);
    }
}
