package dev.tenantfleet.service.fleet;

import dev.tenantfleet.model.jdbc.PostgresDatabase;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.credentials.Credentials;
import dev.tenantfleet.service.release.ReleaseChangelog;
import dev.tenantfleet.service.tenant.Tenant;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the Liquibase history of tenant databases, as each tenant's own role and several at a time, and compares it
 * with the changelog: what is pending up to a target, and what drifted (changesets the changelog does not know, or
 * whose checksum changed). The truth for plan and fleet status is the tenant database, not the registry.
 */
@ApplicationScoped
class FleetInspector {
    private final ReleaseChangelog changelog;
    private final Credentials credentials;
    private final ExecutorService pool;

    FleetInspector(ReleaseChangelog changelog, Credentials credentials, TenantFleetConfig config) {
        this.changelog = changelog;
        this.credentials = credentials;
        this.pool = Executors.newFixedThreadPool(config.release().inspectionConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "fleet-inspection");
            thread.setDaemon(true);
            return thread;
        });
    }

    void shutdown(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /** Inspects every tenant against {@code targetTag}, in the order given. */
    List<TenantInspection> inspect(List<TenantAccess> tenants, String targetTag) {
        List<Future<TenantInspection>> futures = new ArrayList<>();
        for (TenantAccess tenant : tenants) {
            futures.add(pool.submit(() -> inspect(tenant, targetTag)));
        }
        List<TenantInspection> inspections = new ArrayList<>(futures.size());
        for (Future<TenantInspection> future : futures) {
            try {
                inspections.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while inspecting the fleet", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("fleet inspection failed", e.getCause());
            }
        }
        return inspections;
    }

    private TenantInspection inspect(TenantAccess tenant, String targetTag) {
        Properties properties = new Properties();
        properties.setProperty("user", tenant.role());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "tenant-fleet-inspection");
        try {
            // inside the try: a password that cannot be decrypted makes this tenant unreadable, not the whole fleet
            properties.setProperty("password", credentials.decrypt(tenant.password()));
        } catch (RuntimeException e) {
            return new TenantInspection(tenant.slug(), null, null, "cannot read " + tenant.slug()
                    + ": its password cannot be decrypted: " + e.getMessage());
        }
        properties.putAll(tenant.database().connectionProperties());
        try (Connection connection = DriverManager.getConnection(PostgresDatabase.URL, properties)) {
            connection.setReadOnly(true);
            TenantHistory history = TenantHistory.read(connection);
            return new TenantInspection(tenant.slug(), history.head(), changelog.get().plan(history, targetTag), null);
        } catch (SQLException | RuntimeException e) {
            return new TenantInspection(tenant.slug(), null, null, "cannot read " + tenant.slug() + ": " + e.getMessage());
        }
    }

    /** What is needed to read one tenant database, detached from the persistence context. */
    record TenantAccess(String slug, PostgresDatabase database, String role,
            dev.tenantfleet.model.crypto.EncryptedSecret password) {
        static TenantAccess of(Tenant tenant) {
            return new TenantAccess(tenant.slug, new PostgresDatabase(tenant.server.host, tenant.server.port,
                    tenant.databaseName), tenant.roleName, tenant.password());
        }
    }
}
