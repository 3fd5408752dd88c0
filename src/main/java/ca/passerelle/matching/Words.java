package ca.passerelle.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * How free text becomes searchable words, the same way for a service's texts and for what a
 * person types: accents and case folded, French and English stop words dropped, and each word
 * kept in three forms (as written, French stem, English stem) so "refuges", "Réfugiés" and
 * "shelters" each find what they should in a bilingual directory.
 */
final class Words {

    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final CharArraySet STOP_WORDS = stopWords();

    private Words() {
    }

    /** The words of a text, folded, without stop words, in the order they come. */
    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String word : NOT_A_LETTER.split(fold(text))) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** The words of a name, folded, stop words kept: "Saint-Jean-sur-Richelieu" is "saint jean sur richelieu". */
    static List<String> folded(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_A_LETTER.split(fold(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The forms a word may be found by: as written, and its French and English stems. */
    static Set<String> forms(String word) {
        Set<String> forms = new LinkedHashSet<>(3);
        forms.add(word);
        FrenchStemmer french = new FrenchStemmer();
        french.setCurrent(word);
        french.stem();
        forms.add(french.getCurrent());
        EnglishStemmer english = new EnglishStemmer();
        english.setCurrent(word);
        english.stem();
        forms.add(english.getCurrent());
        return forms;
    }

    /** Every form of every word of a text: what a service can be found by. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : of(text)) {
            terms.addAll(forms(word));
        }
        return terms;
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(1_000, true);
        for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
            words.add(fold(new String((char[]) word)));
        }
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            words.add(fold(new String((char[]) word)));
        }
        return CharArraySet.unmodifiableSet(words);
    }

    private static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
