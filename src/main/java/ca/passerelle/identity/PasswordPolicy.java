package ca.passerelle.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable (NIST SP 800-63B): at least 12 characters, not one of the
 * passwords breached or common enough to be tried first, and nothing more: no composition rules.
 */
@Component
public class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;

    private final Set<String> common;

    PasswordPolicy() {
        try (var lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = lines.lines().filter(line -> !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why {@code password} is refused, as a message key; empty when it is accepted. */
    @PermitAll
    public Optional<String> refusal(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of("password.too-short");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (common.contains(lower) || lower.chars().distinct().count() < 4 || lower.equals(localPart)
                || lower.contains("passerelle")) {
            return Optional.of("password.too-common");
        }
        return Optional.empty();
    }
}
