package dev.tenantfleet.worker.tenantdb.session;

import dev.tenantfleet.model.jdbc.PostgresDatabase;
import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/** Opens the one JDBC connection a tenant migration runs on. The password only ever lives in the driver properties. */
@ApplicationScoped
public class TenantDatabaseConnector {
    /** {@code application_name} of the worker's sessions, visible in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "tenant-fleet-migration-worker";
    /** {@code application_name} of the second session that cancels a migration whose timeout expired. */
    public static final String CANCELLER_APPLICATION_NAME = "tenant-fleet-migration-worker-canceller";

    private static final Driver DRIVER = new Driver();

    private final WorkerConfig config;

    public TenantDatabaseConnector(WorkerConfig config) {
        this.config = config;
    }

    /** Connects to the tenant database as its own role. */
    public Connection open(TenantConnection tenant, String password) throws SQLException {
        return open(tenant, password, APPLICATION_NAME);
    }

    /** Connects to the tenant database as its own role, showing {@code applicationName} in pg_stat_activity. */
    public Connection open(TenantConnection tenant, String password, String applicationName) throws SQLException {
        Properties properties = tenant.postgresDatabase().connectionProperties();
        properties.setProperty("user", tenant.username());
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty(
                "connectTimeout",
                Long.toString(Math.max(1, config.migration().connectTimeout().toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DRIVER.connect(PostgresDatabase.URL, properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + PostgresDatabase.URL);
        }
        return connection;
    }
}
