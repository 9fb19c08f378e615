package dev.tenantfleet.service.inspection;

import dev.tenantfleet.changelog.PendingObjects;
import dev.tenantfleet.changelog.SchemaDrift;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.changelog.TenantPlan;
import dev.tenantfleet.model.jdbc.PostgresDatabase;
import dev.tenantfleet.service.changelog.ReleaseChangelog;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.credentials.Credentials;
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
import java.util.concurrent.Future;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.postgresql.PGProperty;

/**
 * Reads the Liquibase history of tenant databases, as each tenant's own role and several at a time, and compares it
 * with the changelog: what is pending up to a target, what drifted in the history (changesets the changelog does not
 * know, or whose checksum changed) and in the schema (objects pending changesets create already exist). The truth
 * for plans, fleet status and a release's decisions is the tenant database, never the registry's cached head.
 */
@ApplicationScoped
public class TenantInspector {
    private final ReleaseChangelog changelog;
    private final Credentials credentials;
    private final ManagedExecutor pool;

    TenantInspector(ReleaseChangelog changelog, Credentials credentials, TenantFleetConfig config) {
        this.changelog = changelog;
        this.credentials = credentials;
        // At most inspectionConcurrency inspections at once, on Quarkus' worker threads (its metrics, its shutdown);
        // no context of the caller (request, transaction) travels to a task.
        this.pool = ManagedExecutor.builder()
                .maxAsync(config.release().inspectionConcurrency())
                .maxQueued(-1)
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    void shutdown(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /** Inspects every tenant against {@code targetTag}, in the order given; one unreadable tenant fails only itself. */
    public List<TenantInspection> inspect(List<TenantAccess> tenants, String targetTag) {
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
        // server and database reach the driver as properties: nothing from the registry is parsed as part of a URL
        Properties properties = tenant.database().connectionProperties();
        PGProperty.USER.set(properties, tenant.role());
        PGProperty.CONNECT_TIMEOUT.set(properties, 5);
        PGProperty.APPLICATION_NAME.set(properties, "tenant-fleet-inspection");
        try {
            // inside the try: a password that cannot be decrypted makes this tenant unreadable, not the whole fleet
            PGProperty.PASSWORD.set(properties, credentials.decrypt(tenant.password()));
        } catch (RuntimeException e) {
            return new TenantInspection(
                    tenant.slug(), null, null, List.of(), UnreadableHistory.ofDecryption(tenant.slug(), e));
        }
        try (Connection connection = DriverManager.getConnection(PostgresDatabase.URL, properties)) {
            connection.setReadOnly(true);
            TenantHistory history = TenantHistory.read(connection);
            TenantPlan plan = changelog.get().plan(history, targetTag);
            List<SchemaDrift> schemaDrift = plan.pending().isEmpty()
                    ? List.of()
                    : PendingObjects.find(connection, changelog.get(), plan.pending());
            return new TenantInspection(tenant.slug(), history.head(), plan, schemaDrift, null);
        } catch (SQLException | RuntimeException e) {
            return new TenantInspection(tenant.slug(), null, null, List.of(), UnreadableHistory.of(tenant.slug(), e));
        }
    }
}
