package ca.passerelle.support;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL as the schema's owner, the way migrations run: for what a test prepares or inspects behind
 * the application's back (the application itself runs as a role that owns nothing).
 */
public final class SchemaOwner {

    private SchemaOwner() {
    }

    public static JdbcClient sql(ApplicationContext context) {
        return JdbcClient.create(context.getBean("migrationDataSource", DataSource.class));
    }
}
