package ca.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import ca.passerelle.support.SchemaOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passerelle's default database: embedded, durable, one per data folder. */
@DisabledIfSystemProperty(named = "passerelle.test.db.url", matches = ".+", disabledReason = "about the embedded server")
class EmbeddedDatabaseIntegrationTests {

    @Test
    void findsTheFirstStartsDataAtTheSecondStart(@TempDir Path dataDir) {
        try (var first = start(dataDir)) {
            var jdbc = SchemaOwner.sql(first);
            jdbc.sql("create table survives_restart (word text)").update();
            jdbc.sql("insert into survives_restart values ('passerelle')").update();
        }

        try (var second = start(dataDir)) {
            var words = second.getBean(JdbcClient.class).sql("select word from survives_restart").query(String.class).list();
            assertThat(words).containsExactly("passerelle");
        }
    }

    @Test
    void writesDurablyWithFsyncOn(@TempDir Path dataDir) {
        try (var app = start(dataDir)) {
            var jdbc = SchemaOwner.sql(app);
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        }
    }

    @Test
    void runsTwoInstancesSideBySideWithDifferentFolders(@TempDir Path one, @TempDir Path two) {
        try (var first = start(one); var second = start(two)) {
            SchemaOwner.sql(first).sql("create table only_in_first (x int)").update();

            assertThat(port(first)).isNotEqualTo(port(second));
            assertThat(second.getBean(JdbcClient.class)
                    .sql("select count(*) from pg_tables where tablename = 'only_in_first'")
                    .query(Integer.class).single()).isZero();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(PasserelleApplication.class).run(
                "--server.port=0",
                "--passerelle.database.url=",
                "--passerelle.database.data-dir=" + dataDir,
                "--passerelle.demo=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
