package ca.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Languages named as a reader of each of the finder's languages reads them. */
class LanguageNamesTests {

    /** Readers whose script is not Latin: a name in Latin letters is a name their language lacks. */
    private static final Set<InterfaceLanguage> OTHER_SCRIPTS = Set.of(InterfaceLanguage.ZH, InterfaceLanguage.PA,
            InterfaceLanguage.AR, InterfaceLanguage.UK);

    @Test
    void everyCommonLanguageHasANameInEachLanguageOfTheFinder() {
        for (InterfaceLanguage reader : InterfaceLanguage.values()) {
            for (String code : LanguageNames.COMMON) {
                String name = LanguageNames.name(code, reader.locale());
                assertThat(name).as("%s in %s", code, reader).isNotEqualTo(code);
                if (OTHER_SCRIPTS.contains(reader)) {
                    assertThat(name).as("%s in %s", code, reader).doesNotContainPattern("[A-Za-z]");
                }
            }
        }
    }

    @Test
    void aListIsInTheReadersAlphabeticalOrderAccentsAndAll() {
        assertThat(LanguageNames.alphabetical(List.of("zh", "ar", "am"), Locale.of("es")))
                .as("amárico, árabe, chino").containsExactly("am", "ar", "zh");
        assertThat(LanguageNames.alphabetical(List.of("zh", "es", "fr"), Locale.of("uk")))
                .as("іспанська, китайська, французька").containsExactly("es", "zh", "fr");
    }

    @Test
    void aListedNameHeadsItsLineWithACapitalAndASentenceKeepsItsCase() {
        assertThat(LanguageNames.listed(List.of("en", "ar"), Locale.FRENCH)).containsExactly(
                Map.entry("en", "Anglais"), Map.entry("ar", "Arabe"));
        assertThat(LanguageNames.name("en", Locale.FRENCH)).isEqualTo("anglais");
    }
}
