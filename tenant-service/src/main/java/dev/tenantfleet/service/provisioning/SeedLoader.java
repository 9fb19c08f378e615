package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.jdbc.PostgresDatabase;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.tenant.ProvisioningStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Loads the base lookup data a new tenant starts with, as the tenant's own role (so the rows belong to
 * whoever owns the tables, whatever the admin's privileges), in one transaction. The seed file must be
 * idempotent ({@code INSERT ... ON CONFLICT DO NOTHING}): a retried provisioning loads it again.
 */
@ApplicationScoped
public class SeedLoader {
    private static final String CLASSPATH = "classpath:";
    /** Seed location meaning: load nothing. */
    static final String NONE = "none";

    private final List<String> statements;
    private final TenantFleetConfig config;

    SeedLoader(TenantFleetConfig config) {
        this.config = config;
        this.statements = split(read(config.provisioning().seedLocation()));
    }

    /** How many statements the seed holds. */
    public int statementCount() {
        return statements.size();
    }

    void load(ProvisioningJob job, String password) {
        Properties properties = new PostgresDatabase(job.host(), job.port(), job.database()).connectionProperties();
        properties.setProperty("user", job.role());
        properties.setProperty("password", password);
        properties.setProperty(
                "connectTimeout",
                String.valueOf(config.provisioning().connectTimeout().toSeconds()));
        try (Connection connection = DriverManager.getConnection(PostgresDatabase.URL, properties)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            ProvisioningFailure classified = TenantDatabaseAdmin.SqlFailures.classify(
                    ProvisioningStep.LOAD_LOOKUP_DATA, "database " + job.database(), e);
            throw classified.code() == TenantErrorCode.PROVISIONING_SQL_ERROR
                    ? new ProvisioningFailure(
                            ProvisioningStep.LOAD_LOOKUP_DATA,
                            TenantErrorCode.SEED_FAILED,
                            "loading base lookup data failed: " + e.getMessage(),
                            e)
                    : classified;
        }
    }

    /** Statements end with a semicolon at the end of a line; {@code --} comment lines are dropped. */
    static List<String> split(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return Arrays.stream(withoutComments.toString().split(";\\s*\n"))
                .map(String::strip)
                .map(sql -> sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    private static String read(String location) {
        if (NONE.equalsIgnoreCase(location.strip())) {
            return ""; // a team's own changelog (docs/adopting.md) has no use for the example CRM's lookup data
        }
        try {
            if (location.startsWith(CLASSPATH)) {
                String resource = location.substring(CLASSPATH.length());
                try (InputStream in =
                        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("seed " + location + " not found on the classpath");
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed " + location, e);
        }
    }
}
