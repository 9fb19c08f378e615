package dev.tenantfleet.identity.support;

import dev.tenantfleet.identity.cache.support.LocalRedis;
import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A throw-away CRM tenant database created like provisioning does (its own non-superuser owner role with a random
 * password, the two extensions, the example changelog applied with Liquibase as the owner up to a tag) and registered
 * in a control database with its password encrypted. {@link #close()} drops database and role.
 */
public final class CrmTenantDatabase implements AutoCloseable {
    private static final String CHANGELOG = "crm-changelog/db.changelog-master.xml";

    private final UUID tenantId = UUID.randomUUID();
    private final String name;
    private final String role;
    private final String password = LocalRedis.randomHex(16);

    private CrmTenantDatabase(String suffix) {
        this.name = "tf_identity_it_" + suffix;
        this.role = name + "_owner";
    }

    /** Creates the database and migrates it to {@code tag}. */
    public static CrmTenantDatabase create(String tag) throws Exception {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        CrmTenantDatabase db = new CrmTenantDatabase(LocalRedis.randomHex(6));
        try (Connection admin = Postgres.admin("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + db.role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                    + db.password + "'");
            statement.execute("CREATE DATABASE " + db.name + " OWNER " + db.role);
        }
        try (Connection admin = Postgres.admin(db.name);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
            statement.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
        }
        try (Connection owner = db.owner()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(owner));
            Liquibase liquibase = new Liquibase(
                    CHANGELOG, new ClassLoaderResourceAccessor(CrmTenantDatabase.class.getClassLoader()), database);
            liquibase.update(tag, new Contexts(), new LabelExpression());
        }
        return db;
    }

    /** Registers this tenant in the control database at {@code controlDb}, its password encrypted with {@code cipher}. */
    public void register(String controlDb, CredentialCipher cipher) throws SQLException {
        UUID server = UUID.randomUUID();
        EncryptedSecret secret = cipher.encrypt(password);
        try (Connection admin = Postgres.admin(controlDb)) {
            try (PreparedStatement insert =
                    admin.prepareStatement("INSERT INTO database_server (id, name, host, port) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, server);
                insert.setString(2, "srv-" + name);
                insert.setString(3, Postgres.HOST);
                insert.setInt(4, Postgres.PORT);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = admin.prepareStatement("""
                    INSERT INTO tenant (id, slug, display_name, status, server_id, database_name, role_name,
                                        password_ciphertext, password_key_id)
                    VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, tenantId);
                insert.setString(2, name.replace('_', '-').substring(0, Math.min(41, name.length())));
                insert.setString(3, name);
                insert.setObject(4, server);
                insert.setString(5, name);
                insert.setString(6, role);
                insert.setString(7, secret.ciphertext());
                insert.setString(8, secret.keyId());
                insert.executeUpdate();
            }
        }
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** A session as the tenant's own role. */
    public Connection owner() throws SQLException {
        return Postgres.connect(name, role, password);
    }

    /** Runs {@code sql} as the owner and returns the first column of every row. */
    public List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection owner = owner();
                Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Runs {@code sql} as the owner. */
    public void execute(String sql) throws SQLException {
        try (Connection owner = owner();
                Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = Postgres.admin("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + role);
        }
    }
}
