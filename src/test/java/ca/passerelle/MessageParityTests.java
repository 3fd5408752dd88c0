package ca.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import ca.passerelle.consent.ConsentPurpose;
import ca.passerelle.consent.DataCategory;
import ca.passerelle.directory.Capacity;
import ca.passerelle.identity.Permission;
import ca.passerelle.identity.Role;
import ca.passerelle.person.ContactChannel;
import ca.passerelle.person.PersonDetails;
import ca.passerelle.referral.ReferralReason;
import ca.passerelle.referral.ReferralStatus;
import ca.passerelle.referral.Urgency;
import ca.passerelle.shared.NeedDomain;
import ca.passerelle.shared.Province;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/** Every word a person reads exists in French and in English, and comes from the message files. */
class MessageParityTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("alt", "title", "placeholder", "aria-label", "value", "label");

    @Test
    void everyMessageExistsInBothLanguages() throws IOException {
        Properties french = load("i18n/messages_fr.properties");
        Properties english = load("i18n/messages_en.properties");

        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(french.stringPropertyNames()).allSatisfy(key -> {
            assertThat(french.getProperty(key)).as("French %s", key).isNotBlank();
            assertThat(english.getProperty(key)).as("English %s", key).isNotBlank();
        });
    }

    /** Pages name these values by a key made of the value: each value has its words, whatever is added later. */
    @Test
    void everyValueAPageNamesByItsKeyHasAMessage() throws IOException {
        Properties english = load("i18n/messages_en.properties");
        english.putAll(load("i18n/finder_en.properties")); // domains and provinces, in the finder's nine languages
        List<String> keys = Stream.of(
                Arrays.stream(Role.values()).map(role -> "role." + role.slug()),
                Arrays.stream(Permission.values()).map(permission -> "permission." + permission),
                Arrays.stream(DataCategory.values()).map(category -> "consent.category." + category.slug()),
                Arrays.stream(ConsentPurpose.values()).map(purpose -> "consent.summary.purpose." + purpose.slug()),
                Arrays.stream(Urgency.values()).map(urgency -> "referral.urgency." + urgency.slug()),
                Arrays.stream(ReferralStatus.values()).map(status -> "referral.status." + status.slug()),
                Arrays.stream(ReferralReason.values()).map(reason -> "referral.reason." + reason.slug()),
                Arrays.stream(ContactChannel.values()).map(channel -> "person.channel." + channel.slug()),
                PersonDetails.GENDERS.stream().map(gender -> "person.gender." + gender),
                Arrays.stream(NeedDomain.values()).map(NeedDomain::messageKey),
                Arrays.stream(Province.values()).map(Province::messageKey),
                Capacity.STATUSES.stream().map(status -> "capacity.status." + status)).flatMap(family -> family).toList();

        assertThat(keys).filteredOn(key -> english.getProperty(key) == null).as("values without words").isEmpty();
    }

    /** Java's MessageFormat swallows a straight quote in a message with arguments: typography uses ’. */
    @Test
    void messagesUseTypographicApostrophes() throws IOException {
        for (String file : List.of("i18n/messages_fr.properties", "i18n/messages_en.properties")) {
            Properties messages = load(file);
            assertThat(messages.stringPropertyNames()).as(file)
                    .filteredOn(key -> messages.getProperty(key).contains("'")).isEmpty();
        }
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document page = Jsoup.parse(template.toFile(), "UTF-8");
                // Code (paths, identifiers) reads the same in every language.
                page.select("script, style, code").remove();
                for (Element element : page.getAllElements()) {
                    for (TextNode text : element.textNodes()) {
                        if (!text.text().matches("[\\s\\p{Punct}·–—]*")) {
                            literals.add(TEMPLATES.relativize(template) + ": \"" + text.text().strip() + "\"");
                        }
                    }
                    element.attributes().forEach(attribute -> {
                        if (TEXT_ATTRIBUTES.contains(attribute.getKey()) && !attribute.getValue().isBlank()
                                && !isFormValue(element, attribute.getKey())) {
                            literals.add(TEMPLATES.relativize(template) + ": " + attribute.getKey() + "=\""
                                    + attribute.getValue() + "\"");
                        }
                    });
                }
            }
        }
        assertThat(literals).as("literal text in templates (use #{...} messages)").isEmpty();
    }

    /** A form control's value is data sent back to the server, not text shown to a person. */
    private static boolean isFormValue(Element element, String attribute) {
        return attribute.equals("value") && element.is("input[type=hidden], input[type=checkbox], input[type=radio], option");
    }

    @Test
    void templatesUseOnlyMessagesThatExist() throws IOException {
        // The public finder's words live in their own bundle, translated into every interface language.
        Properties english = load("i18n/messages_en.properties");
        english.putAll(load("i18n/finder_en.properties"));
        Set<String> missing = new TreeSet<>();
        var literalKey = java.util.regex.Pattern.compile("#\\{([a-z0-9][a-zA-Z0-9.\\-]*)(?:\\(|})");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var matcher = literalKey.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys used in templates but defined nowhere").isEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageParityTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
