package ca.passerelle.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that seals each row to its content and to the row before it. Without the key,
 * which never enters the database, nobody can seal an edited row again.
 */
final class Seal {

    static final byte[] GENESIS = new byte[32];
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    Seal(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    byte[] of(AuditEntry entry, byte[] previousHash) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(canonical(entry, previousHash));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    boolean matches(AuditEntry entry, byte[] previousHash, byte[] hash) {
        return MessageDigest.isEqual(of(entry, previousHash), hash);
    }

    /** Every field, length-prefixed and with absent ones marked, so no two rows encode alike. */
    private static byte[] canonical(AuditEntry entry, byte[] previousHash) {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeLong(entry.position());
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, entry.at()));
            write(out, entry.actor());
            write(out, entry.actorOrganisation());
            write(out, entry.address());
            write(out, entry.action());
            write(out, entry.organisation());
            write(out, entry.recordType());
            write(out, entry.recordId());
            write(out, entry.outcome().name());
            write(out, entry.reason());
            out.write(previousHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, UUID value) throws IOException {
        write(out, value == null ? null : value.toString());
    }

    private static void write(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
