package ca.passerelle.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application its own database. By default an ephemeral embedded PostgreSQL;
 * with {@code -Dpasserelle.test.db.url=jdbc:postgresql://host/db} (CI sets it to the machine's
 * PostgreSQL 15) a new database created on that server and dropped when the tests end.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String EXTERNAL_URL_PROPERTY = "passerelle.test.db.url";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String external = System.getProperty(EXTERNAL_URL_PROPERTY, "");
        Map<String, Object> settings = external.isBlank()
                ? Map.of("passerelle.database.ephemeral", "true", "passerelle.database.url", "")
                : Map.of("passerelle.database.url", createDatabaseOn(external),
                        "passerelle.database.user", System.getProperty("passerelle.test.db.user", "postgres"),
                        "passerelle.database.password", System.getProperty("passerelle.test.db.password", ""));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", settings));
    }

    public static boolean external() {
        return !System.getProperty(EXTERNAL_URL_PROPERTY, "").isBlank();
    }

    private static String createDatabaseOn(String serverUrl) {
        String name = "passerelle_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute(serverUrl, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(serverUrl, "drop database if exists " + name + " with (force)")));
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url,
                System.getProperty("passerelle.test.db.user", "postgres"),
                System.getProperty("passerelle.test.db.password", ""))) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on the external test server", e);
        }
    }
}
