package dev.tenantfleet.service.support;

import dev.tenantfleet.changelog.LiquibaseSupport;
import dev.tenantfleet.changelog.TenantChangelog;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncToTagCommandStep;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

/**
 * A tenant database that exists before Tenant Fleet knows it, as a fleet to adopt has them: its own login role with a
 * password, owning the database, the extensions the example changelog needs, and optionally the example changelog run
 * by "another tool" (Liquibase itself) up to a tag. Random names under the test prefix; {@link #close()} drops both.
 */
public final class ExistingDatabase implements AutoCloseable {
    public static final TenantChangelog CRM = TenantChangelog.load("classpath:crm-changelog/db.changelog-master.xml");

    public final String database;
    public final String role;
    public final String password;

    private ExistingDatabase(String database, String role, String password) {
        this.database = database;
        this.role = role;
        this.password = password;
    }

    /** Creates role and database on the local server, as an operator of the old fleet did. */
    public static ExistingDatabase create() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ExistingDatabase db = new ExistingDatabase(
                "tft_adopt_" + suffix, "tft_adopt_" + suffix + "_owner", "pw-" + UUID.randomUUID());
        admin(
                "postgres",
                "CREATE ROLE \"" + db.role + "\" LOGIN PASSWORD '" + db.password + "'",
                "CREATE DATABASE \"" + db.database + "\" OWNER \"" + db.role + "\"");
        admin(db.database, "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"", "CREATE EXTENSION IF NOT EXISTS unaccent");
        return db;
    }

    /** Runs the example changelog up to {@code tag} with Liquibase, as the role: the history another tool left. */
    public ExistingDatabase migratedTo(String tag) throws Exception {
        try (Connection connection = owner()) {
            LiquibaseSupport.inScope(CRM.newResourceAccessor(), () -> {
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateToTagCommandStep.COMMAND_NAME)
                        .addArgumentValue(UpdateToTagCommandStep.CHANGELOG_FILE_ARG, CRM.path())
                        .addArgumentValue(UpdateToTagCommandStep.TAG_ARG, tag)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
                return null;
            });
        }
        return this;
    }

    /**
     * Records the example changelog as applied up to {@code tag} without running it (Liquibase changelog-sync): a
     * history, and no schema. Enough for what reads only the history (a release that finds nothing pending), and fast.
     */
    public ExistingDatabase syncedTo(String tag) throws Exception {
        try (Connection connection = owner()) {
            LiquibaseSupport.inScope(CRM.newResourceAccessor(), () -> {
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(ChangelogSyncToTagCommandStep.COMMAND_NAME)
                        .addArgumentValue(UpdateToTagCommandStep.CHANGELOG_FILE_ARG, CRM.path())
                        .addArgumentValue(ChangelogSyncToTagCommandStep.TAG_ARG, tag)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
                return null;
            });
        }
        return this;
    }

    /** Drops the Liquibase history: the schema as a fleet migrated by a shell loop of psql has it. */
    public ExistingDatabase withoutHistory() {
        sql("DROP TABLE IF EXISTS databasechangelog", "DROP TABLE IF EXISTS databasechangeloglock");
        return this;
    }

    /** Runs statements as the role. */
    public void sql(String... statements) {
        try (Connection connection = owner();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of {@code query}'s rows, as the role. */
    public List<String> column(String query) {
        try (Connection connection = owner();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Connection owner() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("password", password);
        return DriverManager.getConnection(PostgresAdmin.url(database), properties);
    }

    @Override
    public void close() {
        PostgresAdmin.dropTenant(database, role);
    }

    private static void admin(String database, String... statements) {
        try (Connection connection = PostgresAdmin.connect(database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
