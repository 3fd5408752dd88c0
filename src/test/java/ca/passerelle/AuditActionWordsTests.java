package ca.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ca.passerelle.referral.ReferralAction;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's page names every action the code records, in French and English: an action
 * recorded without words once showed its message key to the administrators who read the trail.
 */
class AuditActionWordsTests {

    private static final Pattern RECORDING = Pattern.compile("AuditEvent\\.(?:granted|refused)\\(");
    /** An action as the code writes it: dotted lower-case words, or a constant holding them. */
    private static final Pattern ACTION = Pattern.compile("\"([a-z-]+\\.[a-z-]+)\"|\\b([A-Z_]{2,})\\b");
    private static final Pattern CONSTANT = Pattern.compile("String ([A-Z_]+) = \"([^\"]+)\"");

    @Test
    void everyActionTheCodeRecordsHasWordsInBothLanguages() throws IOException {
        Set<String> actions = new TreeSet<>(recordedInTheCode());
        // a referral's steps are recorded by their slugs: "referral.accept"
        for (Class<?> step : ReferralAction.class.getPermittedSubclasses()) {
            actions.add("referral." + instanceOf(step).slug());
        }
        assertThat(actions).as("actions found, or this test reads nothing").contains("account.sign-in", "person.read", "referral.decline");

        for (String language : new String[] {"fr", "en"}) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/messages_" + language + ".properties")) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(actions).as("actions without words in %s", language)
                    .filteredOn(action -> messages.getProperty("audit.action." + action) == null).isEmpty();
        }
    }

    private static Set<String> recordedInTheCode() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Map<String, String> constants = new HashMap<>();
                for (Matcher constant = CONSTANT.matcher(code); constant.find(); ) {
                    constants.put(constant.group(1), constant.group(2));
                }
                for (Matcher recording = RECORDING.matcher(code); recording.find(); ) {
                    for (Matcher action = ACTION.matcher(arguments(code, recording.end())); action.find(); ) {
                        String named = action.group(1) != null ? action.group(1) : constants.get(action.group(2));
                        if (named != null && named.contains(".")) { // null: another class's constant, named in its own file
                            actions.add(named);
                        }
                    }
                }
            }
        }
        return actions;
    }

    /** What a call's parentheses hold, from just after the opening one. */
    private static String arguments(String code, int from) {
        int depth = 1;
        int at = from;
        while (depth > 0) {
            char c = code.charAt(at++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return code.substring(from, at - 1);
    }

    /** A step with every field empty: only its slug is asked of it. */
    private static ReferralAction instanceOf(Class<?> step) {
        try {
            Class<?>[] types = Arrays.stream(step.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return (ReferralAction) step.getDeclaredConstructor(types).newInstance(new Object[types.length]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(step + " cannot be made to ask its slug", e);
        }
    }
}
