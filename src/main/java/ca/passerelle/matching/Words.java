package ca.passerelle.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.springframework.core.io.ClassPathResource;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * How free text becomes searchable words, the same way for a service's texts and for what a
 * person types: accents and case folded, French and English stop words dropped, and each word
 * kept as its French and English stems, so "refuges" finds "refuge" and "shelters" "shelter" in a
 * bilingual directory. Not as written too: a word as written can be another word's stem, and
 * "refuge" (a shelter) then found "refugees" (the English stem of which is "refuge"). A word a person
 * types is also looked for by the words the field uses for the same need in the other language (and
 * from the finder's seven other languages), a word a letter or two off one of those may be respelled,
 * and a few words whose stem is another word's are kept as written ("foyer", a shelter, is not "foi").
 */
final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final CharArraySet STOP_WORDS = stopWords();
    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[0x80];
    private static final String[] FOLDED = new String[0x10000];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
        }
    }

    /** Snowball stemmers keep state between calls: one of each per thread, not one per word. */
    private static final ThreadLocal<FrenchStemmer> FRENCH = ThreadLocal.withInitial(FrenchStemmer::new);
    private static final ThreadLocal<EnglishStemmer> ENGLISH = ThreadLocal.withInitial(EnglishStemmer::new);
    /**
     * The forms of words already met: a directory's vocabulary is small and repeats, and stemming
     * is most of the cost of indexing it. Emptied if it ever grows past a bound.
     */
    private static final Map<String, Set<String>> FORMS = new ConcurrentHashMap<>();
    private static final int MOST_WORDS_REMEMBERED = 200_000;
    private static final String RELATED_WORDS = "matching/related-words.txt";
    private static final String AS_WRITTEN = "as written:";
    private static final List<String> LEXICON = lexicon();
    /**
     * The words of {@value #RELATED_WORDS} found only as written, by the first of their line (its
     * other inflections): their stem is another word's.
     */
    private static final Map<String, String> KEPT_AS_WRITTEN = keptAsWritten();
    /** What each word of {@value #RELATED_WORDS} is looked for by: its forms and those of its related words. */
    private static final Map<String, Set<String>> SOUGHT = related();
    /** Every word of {@value #RELATED_WORDS}, folded, with how it is written there: what a mistyped word may have meant. */
    private static final Map<String, String> SPELLINGS = spellings();
    /** Every form of the words of {@value #RELATED_WORDS}: a word holding one is found already, not mistyped. */
    private static final Set<String> FORMS_OF_THE_LIST = SOUGHT.keySet().stream().flatMap(word -> forms(word).stream())
            .collect(Collectors.toUnmodifiableSet());
    /** The length of the longest Chinese word of {@value #RELATED_WORDS}: no longer one can be found in a run. */
    private static final int LONGEST_CHINESE_WORD = SOUGHT.keySet().stream()
            .filter(word -> Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN)
            .mapToInt(String::length).max().orElse(0);
    private static final Pattern WORD_AS_TYPED = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private Words() {
    }

    /** The words of a text, folded, without stop words, in the order they come. */
    static List<String> of(String text) {
        return words(text, true);
    }

    /** The words of a name, folded, stop words kept: "Saint-Jean-sur-Richelieu" is "saint jean sur richelieu". */
    static List<String> folded(String text) {
        return words(text, false);
    }

    /**
     * One pass over the text: letters and digits folded one by one, anything else ends a word, and
     * combining accents are dropped. A directory is hundreds of thousands of descriptions: this is
     * most of the time it takes to index one.
     */
    private static List<String> words(String text, boolean withoutStopWords) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                // most letters of French and English texts: no accent to drop, no table to ask
                if (ASCII_LETTER_OR_DIGIT[c]) {
                    word.append((char) Character.toLowerCase(c));
                } else {
                    end(word, words, withoutStopWords);
                }
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(folded(c));
            } else {
                end(word, words, withoutStopWords);
            }
        }
        end(word, words, withoutStopWords);
        return words;
    }

    private static void end(StringBuilder word, List<String> words, boolean withoutStopWords) {
        if (!word.isEmpty() && !(withoutStopWords && STOP_WORDS.contains(word))) {
            words.add(word.toString());
        }
        word.setLength(0);
    }

    /** A letter beyond ASCII without its accents, in lower case; worked out once for each letter of the basic plane. */
    private static String folded(int c) {
        if (c > 0xFFFF) {
            return new String(Character.toChars(Character.toLowerCase(c)));
        }
        String folded = FOLDED[c];
        if (folded == null) {
            folded = fold(String.valueOf((char) c));
            FOLDED[c] = folded;
        }
        return folded;
    }

    /** The forms a word may be found by: its French and English stems. */
    static Set<String> forms(String word) {
        Set<String> known = FORMS.get(word);
        if (known != null) {
            return known;
        }
        if (FORMS.size() > MOST_WORDS_REMEMBERED) {
            FORMS.clear();
        }
        Set<String> forms = stems(word);
        FORMS.put(word, forms);
        return forms;
    }

    private static Set<String> stems(String word) {
        String asWritten = KEPT_AS_WRITTEN.get(word);
        if (asWritten != null) {
            return Set.of(asWritten);
        }
        Set<String> forms = new LinkedHashSet<>(2);
        FrenchStemmer french = FRENCH.get();
        french.setCurrent(word);
        french.stem();
        forms.add(french.getCurrent());
        EnglishStemmer english = ENGLISH.get();
        english.setCurrent(word);
        english.stem();
        forms.add(english.getCurrent());
        return Collections.unmodifiableSet(forms);
    }

    /**
     * The forms a word a person typed is looked for by: its own, and those of the words the field
     * uses for the same need in either language ({@value #RELATED_WORDS}), so "hébergement" finds an
     * English-only shelter and "doctor" a Quebec clinic's "médecin". Only in a query: a service is
     * indexed by its own words.
     *
     * @param word folded, as {@link #of} gives it
     */
    static Set<String> sought(String word) {
        Set<String> related = SOUGHT.get(word);
        return related != null ? related : forms(word);
    }

    /**
     * The words of what a person typed, folded, as {@link #of} gives them, but for Chinese, which is
     * written without spaces: a run of Chinese characters is read as the list's words it holds
     * ("免费律师" as "免费" and "律师", "我需要医生" as "医生").
     */
    static List<String> searched(String text) {
        return of(text).stream().flatMap(word -> cut(word).stream()).toList();
    }

    /** The words of a text that are searched for, as typed: "the shelters" is "shelters"; "免费律师" is "免费", "律师". */
    static List<String> typed(String text) {
        return WORD_AS_TYPED.matcher(text).results().map(MatchResult::group).filter(word -> !of(word).isEmpty())
                .flatMap(word -> cut(word).stream()).toList();
    }

    /**
     * A run of Chinese characters as the words of {@value #RELATED_WORDS} it holds, the longest
     * first from left to right; the rest of the run ("我需要", I need) is not searched. A run that is
     * one of the list's words, or holds none of them, stays as it is: another script is one word.
     */
    private static List<String> cut(String word) {
        if (SOUGHT.containsKey(word) || !word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return List.of(word);
        }
        List<String> words = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            String found = longestListedWordAt(word, start);
            if (found == null) {
                start++;
            } else {
                words.add(found);
                start += found.length();
            }
        }
        return words.isEmpty() ? List.of(word) : words;
    }

    private static String longestListedWordAt(String run, int start) {
        for (int end = Math.min(run.length(), start + LONGEST_CHINESE_WORD); end > start; end--) {
            String part = run.substring(start, end);
            if (SOUGHT.containsKey(part)) {
                return part;
            }
        }
        return null;
    }

    /**
     * The text with each word that is a letter or two off a word of {@value #RELATED_WORDS} written
     * as that word ("shleter" as "shelter", "hebergment" as "hébergement"), or empty when none is:
     * what a person may have meant when their words found nothing. The list's own words in any
     * inflection, and words too short to tell a slip from another word, stay as typed.
     */
    static Optional<String> respelled(String text) {
        // what is replaced and what replaces it are letters and digits only: nothing to quote
        String respelled = WORD_AS_TYPED.matcher(text).replaceAll(typed -> meant(typed.group()));
        return respelled.equals(text) ? Optional.empty() : Optional.of(respelled);
    }

    private static String meant(String typed) {
        List<String> folded = of(typed);
        if (folded.size() != 1 || SPELLINGS.containsKey(folded.getFirst()) || isInflected(folded.getFirst())) {
            return typed;
        }
        String word = folded.getFirst();
        String meant = typed;
        int fewestOff = lettersAllowedOff(word) + 1;
        for (Map.Entry<String, String> known : SPELLINGS.entrySet()) {
            if (fewestOff > 1 && Math.abs(known.getKey().length() - word.length()) < fewestOff) {
                int off = lettersOff(word, known.getKey(), fewestOff - 1);
                if (off < fewestOff) {
                    meant = known.getValue();
                    fewestOff = off;
                }
            }
        }
        return meant;
    }

    /** Whether a word is one of the list's in another inflection ("écouter" of "écoute"): found already, not mistyped. */
    private static boolean isInflected(String word) {
        return !Collections.disjoint(forms(word), FORMS_OF_THE_LIST);
    }

    /** How many letters a word typed may be off another and still be taken for it: none below five letters, two from eight. */
    static int lettersAllowedOff(String word) {
        return word.length() < 5 ? 0 : word.length() < 8 ? 1 : 2;
    }

    /**
     * The related words: on a line, each word also finds the others; "a -> b, c", a also finds
     * what b and c find. A word that does not fold to one searchable word (two words, a stop word)
     * is a mistake in the list, refused at start-up rather than never found.
     */
    private static Map<String, Set<String>> related() {
        Map<String, Set<String>> sought = new HashMap<>();
        List<String> lines = LEXICON.stream().filter(line -> !line.startsWith(AS_WRITTEN)).toList();
        lines.stream().filter(line -> !line.contains("->")).map(Words::oneWord).forEach(alike -> {
            Set<String> forms = new LinkedHashSet<>();
            alike.forEach(word -> forms.addAll(forms(word)));
            alike.forEach(word -> sought.computeIfAbsent(word, w -> new LinkedHashSet<>()).addAll(forms));
        });
        // after every line of alike words, so that a word leads to all its line finds
        lines.stream().filter(line -> line.contains("->")).forEach(line -> {
            String[] oneWay = line.split("->");
            Set<String> forms = new LinkedHashSet<>();
            List<String> typed = oneWord(oneWay[0]);
            typed.forEach(word -> forms.addAll(forms(word)));
            oneWord(oneWay[1]).forEach(word -> forms.addAll(sought.getOrDefault(word, forms(word))));
            typed.forEach(word -> sought.computeIfAbsent(word, w -> new LinkedHashSet<>()).addAll(forms));
        });
        sought.replaceAll((word, forms) -> Collections.unmodifiableSet(forms));
        return Map.copyOf(sought);
    }

    private static Map<String, String> keptAsWritten() {
        Map<String, String> kept = new HashMap<>();
        LEXICON.stream().filter(line -> line.startsWith(AS_WRITTEN)).map(line -> oneWord(line.substring(AS_WRITTEN.length())))
                .forEach(inflections -> inflections.forEach(word -> kept.put(word, inflections.getFirst())));
        return Map.copyOf(kept);
    }

    private static Map<String, String> spellings() {
        Map<String, String> spellings = new LinkedHashMap<>();
        for (String line : LEXICON) {
            String words = line.startsWith(AS_WRITTEN) ? line.substring(AS_WRITTEN.length()) : line.replace("->", ",");
            for (String written : words.split(",")) {
                spellings.putIfAbsent(of(written).getFirst(), written.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableMap(spellings);
    }

    /** The lines of {@value #RELATED_WORDS} that say something. */
    private static List<String> lexicon() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RELATED_WORDS).getInputStream(), StandardCharsets.UTF_8))) {
            return lines.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> oneWord(String commaSeparated) {
        List<String> words = new ArrayList<>();
        for (String written : commaSeparated.split(",")) {
            List<String> folded = of(written);
            if (folded.size() != 1) {
                throw new IllegalStateException(RELATED_WORDS + ": \"" + written.strip() + "\" is not one searchable word");
            }
            words.add(folded.getFirst());
        }
        return words;
    }

    /** Every form of every word of a text: what a service can be found by. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : of(text)) {
            terms.addAll(forms(word));
        }
        return terms;
    }

    /**
     * How many letters two words are apart: letters left out, added, changed or swapped with the next
     * (the optimal string alignment distance), counted only as far as {@code most}: beyond, most + 1.
     */
    static int lettersOff(String typed, String word, int most) {
        int[] twoBefore = new int[word.length() + 1];
        int[] before = new int[word.length() + 1];
        int[] now = new int[word.length() + 1];
        for (int j = 0; j <= word.length(); j++) {
            before[j] = j;
        }
        for (int i = 1; i <= typed.length(); i++) {
            now[0] = i;
            int leastInRow = i;
            for (int j = 1; j <= word.length(); j++) {
                int changed = typed.charAt(i - 1) == word.charAt(j - 1) ? 0 : 1;
                now[j] = Math.min(Math.min(now[j - 1] + 1, before[j] + 1), before[j - 1] + changed);
                if (i > 1 && j > 1 && typed.charAt(i - 1) == word.charAt(j - 2) && typed.charAt(i - 2) == word.charAt(j - 1)) {
                    now[j] = Math.min(now[j], twoBefore[j - 2] + 1);
                }
                leastInRow = Math.min(leastInRow, now[j]);
            }
            if (leastInRow > most) {
                return most + 1;
            }
            int[] oldest = twoBefore;
            twoBefore = before;
            before = now;
            now = oldest;
        }
        return Math.min(before[word.length()], most + 1);
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

    private static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
