package ca.passerelle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Boots the whole application on a random port, on a fresh database (an ephemeral embedded
 * PostgreSQL, or a new database on the external server named by {@code passerelle.test.db.url}),
 * with the demo directory and the demo accounts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // every test signs in from 127.0.0.1: the per-address pause is proven in SignInThrottleTests;
        // tests deliver e-mail themselves, so a scheduled delivery never holds a mail they look for
        properties = {"passerelle.demo=true", "passerelle.sign-in.failures-per-address=1000",
                "passerelle.notifications.deliver-every=1h"})
@ContextConfiguration(initializers = {TestDatabase.class, TestMailServer.class})
@Import(MovableClock.Configuration.class)
public @interface IntegrationTest {

    /** The demo accounts' password and authenticator key, as the README documents them. */
    String DEMO_PASSWORD = "aurore-boreale-2026";
    String DEMO_TOTP_SECRET = "PASSERELLEDEMOTOTPSECRET";

    /** A demo directory curator: no personal data, so no second factor. */
    String CURATOR_USERNAME = "directory-curator@aurore.example";
}
