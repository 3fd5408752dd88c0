package ca.passerelle.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Secrets shown once and kept only as their SHA-256: recovery codes and invitation tokens. They
 * are random enough (50 and 256 bits) that a plain hash keeps them safe.
 */
final class OneTimeSecrets {

    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom random = new SecureRandom();

    private OneTimeSecrets() {
    }

    /** Ten letters and digits that cannot be mistaken for one another, as {@code abcde-fghjk}. */
    static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    /** 256 random bits, URL-safe. */
    static String token() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The hash kept instead of the secret, insensitive to the case and spaces a person may type. */
    static byte[] hashOf(String secret) {
        String normalised = secret == null ? "" : secret.strip().toLowerCase(Locale.ROOT);
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
