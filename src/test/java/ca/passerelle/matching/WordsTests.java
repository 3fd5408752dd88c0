package ca.passerelle.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Free text as the index and a person's query both read it. */
class WordsTests {

    @Test
    void foldsAccentsAndCaseWhetherAccentsAreComposedOrNot() {
        assertThat(Words.of("Réfugiés À L'ÉCOLE")).containsExactly("refugies", "ecole");
        assertThat(Words.of("e\u0301cole")).as("an accent typed as a combining mark").containsExactly("ecole");
        assertThat(Words.of("the shelter, 24/7")).containsExactly("shelter", "24", "7");
        assertThat(Words.of(null)).isEmpty();
    }

    @Test
    void keepsStopWordsInPlaceNamesAndLettersOfEveryScript() {
        assertThat(Words.folded("Saint-Jean-sur-Richelieu")).containsExactly("saint", "jean", "sur", "richelieu");
        assertThat(Words.folded("Київ 北京")).containsExactly("киів", "北京");
    }

    @Test
    void findsAWordByItsFrenchAndEnglishStems() {
        assertThat(Words.forms("refuges")).containsAnyElementsOf(Words.forms("refuge"));
        assertThat(Words.terms("Shelters for women")).containsAnyElementsOf(Words.forms("shelter"))
                .containsAnyElementsOf(Words.forms("women"));
    }

    @Test
    void aWordIsNotFoundByAnotherWordWhoseStemItIs() {
        // "refuge" (a shelter) is the English stem of "refugees": found as written, it found refugee clinics
        assertThat(Words.terms("Legal clinic for refugees")).doesNotContainAnyElementsOf(Words.forms("refuge"));
        assertThat(Words.terms("Refuge pour femmes")).containsAnyElementsOf(Words.forms("refuges"));
    }

    @Test
    void aWordTypedInOneLanguageFindsAServiceDescribedOnlyInTheOther() {
        assertThat(Words.sought("hebergements")).containsAnyElementsOf(Words.terms("Emergency shelter"));
        assertThat(Words.sought("doctor")).containsAnyElementsOf(Words.terms("Consultation sans rendez-vous avec un médecin"));
        assertThat(Words.sought("therapie")).as("found by its own forms too")
                .containsAnyElementsOf(Words.terms("Thérapie de groupe"))
                .containsAnyElementsOf(Words.terms("Trauma counselling"));
        assertThat(Words.sought("zephyrine")).isEqualTo(Words.forms("zephyrine"));
    }

    @Test
    void aWordSharingAStemWithAnotherLeadsOnlyOneWay() {
        // "traite" (trafficking) and "traitement" (treatment) share the French stem "trait"
        assertThat(Words.sought("traite")).containsAnyElementsOf(Words.terms("Help for trafficked people"));
        assertThat(Words.sought("trafficking")).doesNotContainAnyElementsOf(Words.terms("Traitement des dépendances"));
        assertThat(Words.sought("traitement")).doesNotContainAnyElementsOf(Words.terms("Help for trafficked people"));
    }

    @Test
    void aWordWhoseStemIsAnotherWordsIsFoundOnlyAsWritten() {
        assertThat(Words.terms("Traitement des dépendances")).doesNotContainAnyElementsOf(Words.sought("traite"));
        assertThat(Words.terms("Lutte contre la traite des personnes")).containsAnyElementsOf(Words.sought("traites"))
                .doesNotContainAnyElementsOf(Words.sought("traitement"));
        assertThat(Words.terms("Accompagnement spirituel dans la foi de chacun")).doesNotContainAnyElementsOf(Words.sought("foyer"));
        assertThat(Words.terms("Foyer pour jeunes")).containsAnyElementsOf(Words.sought("foyers"))
                .containsAnyElementsOf(Words.sought("shelter"));
    }

    @Test
    void aWordALetterOrTwoOffAWordOfTheFieldIsRespelledAsWrittenThere() {
        assertThat(Words.respelled("shleter pour femmes")).contains("shelter pour femmes");
        assertThat(Words.respelled("Hebregement")).contains("hébergement");
        assertThat(Words.respelled("hebergment")).as("its stem is that of “hébergement”: found already").isEmpty();
        assertThat(Words.respelled("docteru, avocta")).contains("docteur, avocat");
        assertThat(Words.respelled("hebergement")).as("a word of the list, without its accent").isEmpty();
        assertThat(Words.respelled("Zephyrine")).isEmpty();
        assertThat(Words.respelled("abrj")).as("too short to tell a slip from another word").isEmpty();
    }

    @Test
    void aWordTypedInAnotherLanguageOfTheFinderFindsWhatItsFrenchAndEnglishEquivalentFinds() {
        for (String doctor : List.of("Médico", "doktor", "医生", "الطبيب", "ਡਾਕਟਰ", "лікар")) {
            assertThat(Words.of(doctor)).as(doctor).singleElement()
                    .satisfies(typed -> assertThat(Words.sought(typed)).as(doctor).containsAll(Words.sought("medecin")));
        }
        assertThat(Words.sought(Words.of("ليلًا").getFirst())).as("with its vowel mark").containsAll(Words.sought("nuit"));
        assertThat(Words.sought("doctor")).as("one way: no service is described in Spanish").doesNotContainAnyElementsOf(Words.forms("medico"));
    }

    @Test
    void chineseWrittenWithoutSpacesIsReadAsTheWordsItHolds() {
        assertThat(Words.searched("免费律师")).containsExactly("免费", "律师");
        assertThat(Words.searched("我需要医生")).as("“I need” is not searched").containsExactly("医生");
        assertThat(Words.searched("人口贩卖")).as("the longest word, not the words inside it").containsExactly("人口贩卖");
        assertThat(Words.searched("晚上 急救 Montréal")).containsExactly("晚上", "急救", "montreal");
        assertThat(Words.searched("张三")).as("holding none of the list's words: one word, found or not").containsExactly("张三");
        assertThat(Words.typed("我需要免费律师")).containsExactly("免费", "律师");
    }
}
