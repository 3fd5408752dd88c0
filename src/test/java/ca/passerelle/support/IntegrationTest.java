package ca.passerelle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Boots the whole application on a random port, on a fresh database: an ephemeral embedded
 * PostgreSQL, or a new database on the external server named by {@code passerelle.test.db.url}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"passerelle.demo=true", "passerelle.admin.password=" + IntegrationTest.CURATOR_PASSWORD})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface IntegrationTest {

    String CURATOR_USERNAME = "admin";
    String CURATOR_PASSWORD = "test-curator-password";
}
