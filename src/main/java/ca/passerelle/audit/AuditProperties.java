package ca.passerelle.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the audit trail's sealing key, base64, at least 32 bytes ({@code PASSERELLE_AUDIT_KEY}):
 *        kept outside the database, required with the production profile
 */
@ConfigurationProperties("passerelle.audit")
record AuditProperties(String key) {
}
