package ca.passerelle.encryption;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the master key of personal data at rest, base64, at least 32 random bytes
 *        ({@code PASSERELLE_ENCRYPTION_KEY}): kept outside the database and the repository,
 *        required with the production profile
 */
@ConfigurationProperties("passerelle.encryption")
record EncryptionProperties(String key) {
}
