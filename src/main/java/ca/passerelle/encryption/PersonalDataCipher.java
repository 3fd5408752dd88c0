package ca.passerelle.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.security.PermitAll;

/**
 * Seals identifying fields with AES-256-GCM and finds them again by keyed blind indexes.
 *
 * <p>Each sealed value is bound to where it belongs (its {@code context}, such as
 * {@code person/<id>/name}), so a value copied into another row or field does not open. A sealed
 * value starts with the version of the key that sealed it, so keys can be rotated later. Both keys
 * are derived from one master key, which never leaves this class.
 *
 * <p>Its methods are open to every caller: sealing grants access to nothing, and who may read what
 * is decided where the data is read.
 */
public class PersonalDataCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int INDEX_BYTES = 16;

    private final SecretKeySpec sealingKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    PersonalDataCipher(byte[] masterKey) {
        this.sealingKey = new SecretKeySpec(derive(masterKey, "passerelle/aes-256-gcm/1"), "AES");
        this.indexKey = new SecretKeySpec(derive(masterKey, "passerelle/blind-index/1"), "HmacSHA256");
    }

    /** The value sealed for {@code context}; null stays null. */
    @PermitAll
    public byte[] seal(String value, String context) {
        if (value == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /**
     * The value sealed for {@code context}; null stays null.
     *
     * @throws IllegalStateException when the value was altered, sealed for another context, or
     *                               sealed under another key
     */
    @PermitAll
    public String open(byte[] sealed, String context) {
        if (sealed == null) {
            return null;
        }
        if (sealed.length < 1 + NONCE_BYTES || sealed[0] != VERSION) {
            throw new IllegalStateException("A sealed value of an unknown key version, for " + context);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed value does not open for " + context + ": altered, moved, or another key", e);
        }
    }

    /**
     * The blind indexes of the words of {@code text} for {@code purpose}, each word once: the same
     * for the same word however it is typed (case, accents), and nothing about it without the key.
     * A record keeps those of its words; a search asks for those of what was typed.
     */
    @PermitAll
    public List<byte[]> blindIndexes(String purpose, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            List<byte[]> indexes = new ArrayList<>();
            for (String word : words(text)) {
                mac.update(purpose.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
                indexes.add(Arrays.copyOf(mac.doFinal(word.getBytes(StandardCharsets.UTF_8)), INDEX_BYTES));
            }
            return indexes;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }

    /** Letters and digits, lower case, without accents, each word once: how people type a name they heard. */
    static Set<String> words(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static byte[] derive(byte[] masterKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }
}
