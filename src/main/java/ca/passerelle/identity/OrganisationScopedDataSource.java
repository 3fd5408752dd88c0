package ca.passerelle.identity;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the organisation and account of the staff request using them,
 * so that PostgreSQL's row-level security (see the migration that enables it) holds a staff request
 * to its own organisation's rows. The settings are cleared before a connection goes back to the
 * pool; connections used outside a staff request carry none.
 */
final class OrganisationScopedDataSource extends DelegatingDataSource {

    private static final String SCOPE = "select set_config('passerelle.organisation', ?, false),"
            + " set_config('passerelle.account', ?, false)";

    OrganisationScopedDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = obtainTargetDataSource().getConnection();
        Optional<StaffMember> member = StaffSessions.current();
        if (member.isEmpty()) {
            return connection;
        }
        try {
            scope(connection, member.get().organisation().toString(), member.get().account().toString());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && !connection.isClosed()) {
                        try {
                            scope(connection, "", "");
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void scope(Connection connection, String organisation, String account) throws SQLException {
        try (var statement = connection.prepareStatement(SCOPE)) {
            statement.setString(1, organisation);
            statement.setString(2, account);
            statement.execute();
        }
    }
}
