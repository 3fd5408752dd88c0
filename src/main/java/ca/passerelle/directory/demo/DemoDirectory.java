package ca.passerelle.directory.demo;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import ca.passerelle.DemoMode;
import ca.passerelle.directory.hsds.HsdsImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the fictional demo directory into an empty database when demo data is on, before
 * Passerelle reports itself ready. {@code passerelle.demo.services} asks for a bigger, synthetic
 * directory (up to a million services) for measurements.
 */
@Component
@Order(0)
class DemoDirectory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);
    private static final int ORGANISATIONS_PER_TRANSACTION = 2000;

    private final DemoMode demo;
    private final HsdsImporter importer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int wantedServices;

    DemoDirectory(DemoMode demo, HsdsImporter importer, JdbcClient jdbc, Clock clock,
            @Value("${passerelle.demo.services:0}") int wantedServices) {
        this.demo = demo;
        this.importer = importer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.wantedServices = wantedServices;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!demo.enabled() || jdbc.sql("select exists (select 1 from services)").query(Boolean.class).single()) {
            return;
        }
        var generator = new DemoDirectoryGenerator(DemoMode.DIRECTORY_SEED, clock.instant());
        int organisations = generator.curatedOrganisations();
        int services = 0;
        for (int n = 0; n < organisations; n++) {
            services += generator.servicesOf(n);
        }
        while (services < wantedServices) {
            services += generator.servicesOf(organisations++);
        }
        long started = System.nanoTime();
        for (int from = 0; from < organisations; from += ORGANISATIONS_PER_TRANSACTION) {
            Map<String, List<Map<String, Object>>> rows = generator.organisations(from,
                    Math.min(organisations, from + ORGANISATIONS_PER_TRANSACTION));
            importer.importRows(rows);
        }
        // Fresh statistics, so the first searches already use the indexes rather than waiting for autovacuum.
        jdbc.sql("analyze").update();
        log.info("Loaded the demo directory: {} organisations, {} services in {} s", organisations, services,
                (System.nanoTime() - started) / 1_000_000_000);
    }
}
