package ca.passerelle.support;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Modules hear each other's events after the commit, on their own threads: a test waits for them before it looks. */
public final class Events {

    private Events() {
    }

    /**
     * Waits until every event published so far has been handled: thirty seconds at most, since on a
     * loaded two-core machine a listener can take several, and a settled test waits no longer.
     */
    public static void settle(ApplicationContext context) {
        JdbcClient owner = SchemaOwner.sql(context);
        try {
            for (int tries = 0; tries < 600 && owner.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class).single() > 0; tries++) {
                Thread.sleep(50);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
