package ca.passerelle.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);
    private static final int MINIMUM_KEY_BYTES = 32;

    @Bean
    Seal auditSeal(AuditProperties properties, Environment environment) throws NoSuchAlgorithmException {
        if (StringUtils.hasText(properties.key())) {
            byte[] key = Base64.getDecoder().decode(properties.key().strip());
            if (key.length < MINIMUM_KEY_BYTES) {
                throw new IllegalStateException("PASSERELLE_AUDIT_KEY must hold at least 32 random bytes, base64-encoded"
                        + " (for example: openssl rand -base64 32)");
            }
            return new Seal(key);
        }
        if (environment.matchesProfiles("production")) {
            throw new IllegalStateException("Set PASSERELLE_AUDIT_KEY: the production profile never seals the audit"
                    + " trail with the development key (for example: openssl rand -base64 32)");
        }
        log.warn("The audit trail is sealed with the development key: set PASSERELLE_AUDIT_KEY for real data");
        return new Seal(MessageDigest.getInstance("SHA-256")
                .digest("passerelle development audit key".getBytes(StandardCharsets.UTF_8)));
    }
}
