package dev.tenantfleet.model.jdbc;

import java.util.Objects;
import java.util.Properties;
import org.postgresql.PGProperty;

/**
 * A PostgreSQL database whose server and name come from data (a registered database server, a message), not from the
 * operator's own configuration. They reach the driver as connection properties and never as part of a JDBC URL: spliced
 * into {@code jdbc:postgresql://host:port/database}, a host such as {@code db:5432/x?socketFactory=...} would smuggle
 * driver parameters (a class to load, a file to write) into the connection.
 *
 * @param host     the server's hostname or IP literal
 * @param port     the server's port
 * @param database the database's name
 */
public record PostgresDatabase(String host, int port, String database) {
    /** The URL of every such connection: it names nothing, the driver reads server and database from the properties. */
    public static final String URL = "jdbc:postgresql://";

    public PostgresDatabase {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
    }

    /** Driver properties naming the server and the database; the caller adds user, password and the rest. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        PGProperty.PG_HOST.set(properties, host);
        PGProperty.PG_PORT.set(properties, port);
        PGProperty.PG_DBNAME.set(properties, database);
        return properties;
    }

    /** {@code host:port/database}, for messages. */
    @Override
    public String toString() {
        return host + ":" + port + "/" + database;
    }
}
