package ca.passerelle.encryption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import ca.passerelle.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the master key comes from: {@code PASSERELLE_ENCRYPTION_KEY}, required in production; a
 * throwaway key for a throwaway database; otherwise a key made once in the data folder, beside the
 * embedded database but never inside it.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);
    private static final int MINIMUM_KEY_BYTES = 32;
    static final String KEY_FILE = "encryption.key";

    @Bean
    PersonalDataCipher personalDataCipher(EncryptionProperties properties, DatabaseProperties database, Environment environment)
            throws IOException {
        if (StringUtils.hasText(properties.key())) {
            return new PersonalDataCipher(decoded(properties.key()));
        }
        if (environment.matchesProfiles("production")) {
            throw new IllegalStateException("Set PASSERELLE_ENCRYPTION_KEY: the production profile never keeps personal data"
                    + " under a key it made itself (for example: openssl rand -base64 32)");
        }
        if (database.ephemeral()) {
            return new PersonalDataCipher(randomKey());
        }
        Path file = database.dataDir().resolve(KEY_FILE);
        if (Files.notExists(file)) {
            Files.createDirectories(database.dataDir());
            Files.writeString(file, Base64.getEncoder().encodeToString(randomKey()), StandardCharsets.US_ASCII);
            trySetOwnerOnly(file);
        }
        log.warn("Personal data is encrypted with the key in {}: set PASSERELLE_ENCRYPTION_KEY for real data", file);
        return new PersonalDataCipher(decoded(Files.readString(file, StandardCharsets.US_ASCII)));
    }

    private static byte[] decoded(String key) {
        byte[] bytes = Base64.getDecoder().decode(key.strip());
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalStateException("PASSERELLE_ENCRYPTION_KEY must hold at least 32 random bytes, base64-encoded"
                    + " (for example: openssl rand -base64 32)");
        }
        return bytes;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[MINIMUM_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.info("The key file's permissions are the file system's own");
        }
    }
}
