package ca.passerelle.matching.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.passerelle.shared.InterfaceLanguage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every interface language has every word of the finder, and each message takes the same values as the English one. */
class FinderMessagesTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");

    @ParameterizedTest
    @EnumSource(InterfaceLanguage.class)
    void everyLanguageHasEveryKeyWithTheSameArguments(InterfaceLanguage language) throws IOException {
        Properties english = load("en");
        Properties translated = load(language.locale().getLanguage());

        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertThat(text).as("%s in %s", key, language).isNotBlank();
            assertThat(arguments(text)).as("arguments of %s in %s", key, language).isEqualTo(arguments(english.getProperty(key)));
            if (text.contains("{")) {
                assertThat(text).as("%s in %s: a lone apostrophe would swallow its arguments", key, language).doesNotContain("'");
                assertThatCode(() -> new MessageFormat(text, language.locale())).as("%s in %s is a message format", key, language)
                        .doesNotThrowAnyException();
            }
        }
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String code) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(FinderMessagesTests.class.getResourceAsStream("/i18n/finder_" + code + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
