package ca.passerelle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * One PostgreSQL everywhere: the external server named by {@link DatabaseProperties#url()}, or
 * else an embedded server started here, whose data outlives the process (fsync on) so that a second
 * start finds the first one's data.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    private static final String DATABASE = "passerelle";

    /** The role every request runs as (see the migration that creates it). */
    static final String APPLICATION_ROLE = "passerelle_app";

    /**
     * The application's connections, as {@link #APPLICATION_ROLE}, which owns nothing and bypasses no
     * row-level security. Requests use them through the identity module's primary data source, which
     * scopes each staff request's connections to its organisation; used directly only for reads that
     * cross organisations on purpose.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource applicationPool(DatabaseProperties properties, EmbeddedServer embeddedServer) {
        return asApplicationRole(properties, embeddedServer, "passerelle", 20);
    }

    /**
     * The audit trail's own few connections, as {@link #APPLICATION_ROLE}: a refusal is recorded even
     * when the refused request rolls back, and an audit write never waits behind the requests it
     * audits for a connection.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource auditDataSource(DatabaseProperties properties, EmbeddedServer embeddedServer) {
        return asApplicationRole(properties, embeddedServer, "passerelle-audit", 4);
    }

    private static HikariDataSource asApplicationRole(DatabaseProperties properties, EmbeddedServer embeddedServer,
            String name, int size) {
        var config = connectionTo(properties, embeddedServer);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setConnectionInitSql("set role " + APPLICATION_ROLE);
        // The role comes with the migrations, which run on their own connections after this pool
        // exists: it opens connections when asked, not before.
        config.setInitializationFailTimeout(-1);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /** Migrations: as the connecting user, who owns the schema; its connections close soon after. */
    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource migrationDataSource(DatabaseProperties properties, EmbeddedServer embeddedServer) {
        var config = connectionTo(properties, embeddedServer);
        config.setPoolName("passerelle-migrations");
        config.setMaximumPoolSize(2); // Flyway holds its lock on one and migrates on the other
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        return new HikariDataSource(config);
    }

    private static HikariConfig connectionTo(DatabaseProperties properties, EmbeddedServer embeddedServer) {
        var config = new HikariConfig();
        if (properties.embedded()) {
            config.setJdbcUrl(embeddedServer.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        return config;
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(DatabaseProperties properties) throws IOException, SQLException {
        return properties.embedded() ? EmbeddedServer.start(properties) : EmbeddedServer.NONE;
    }

    /** The embedded PostgreSQL, or {@link #NONE} when an external server is configured. */
    static final class EmbeddedServer implements AutoCloseable {

        static final EmbeddedServer NONE = new EmbeddedServer(null, null);

        private final EmbeddedPostgres postgres;
        private final Path throwawayFolder;

        private EmbeddedServer(EmbeddedPostgres postgres, Path throwawayFolder) {
            this.postgres = postgres;
            this.throwawayFolder = throwawayFolder;
        }

        static EmbeddedServer start(DatabaseProperties properties) throws IOException, SQLException {
            Path folder = properties.ephemeral()
                    ? Files.createTempDirectory("passerelle-db-")
                    : properties.dataDir().toAbsolutePath().normalize().resolve("postgres");
            Files.createDirectories(folder);
            stopServerLeftRunning(folder);
            String durable = properties.ephemeral() ? "off" : "on";
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    // Spring stops the server after everything that still needs it, not a JVM hook racing it.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable)
                    .setServerConfig("max_connections", "100")
                    .start();
            createDatabaseIfMissing(postgres);
            log.info("Embedded PostgreSQL ready, data in {}", folder);
            return new EmbeddedServer(postgres, properties.ephemeral() ? folder : null);
        }

        /**
         * A Passerelle killed without a chance to stop its database leaves the server running on
         * the folder, which would refuse a new start: ask it to shut down cleanly first.
         */
        private static void stopServerLeftRunning(Path folder) throws IOException {
            Path pidFile = folder.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            if (!firstLine.matches("\\d+")) {
                return;
            }
            var server = ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(process -> process.info().command().orElse("").endsWith("postgres"));
            if (server.isPresent()) {
                log.warn("Stopping the embedded PostgreSQL left running on {} by an earlier start", folder);
                server.get().destroy();
                server.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
            }
        }

        private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                if (!exists.executeQuery().next()) {
                    connection.createStatement().execute("create database " + DATABASE);
                }
            }
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
        }

        @Override
        public void close() throws IOException {
            if (postgres == null) {
                return;
            }
            postgres.close();
            if (throwawayFolder != null) {
                FileSystemUtils.deleteRecursively(throwawayFolder);
            }
        }
    }
}
