package ca.passerelle.notification;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl where staff reach Passerelle, for the links in e-mails ({@code PASSERELLE_BASE_URL})
 * @param from    the sender of Passerelle's e-mails
 */
@ConfigurationProperties("passerelle.notifications")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("Passerelle <no-reply@passerelle.invalid>") String from) {
}
