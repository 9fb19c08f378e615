package dev.tenantfleet.worker.metrics;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.model.migration.TenantRollbackFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The worker's meters, scraped at {@code /q/metrics} (Prometheus names in brackets, see {@code MetricNames}):
 * <ul>
 * <li>{@code tenantfleet.tenant.migration{kind, outcome}} ({@code tenantfleet_tenant_migration_seconds}, with
 * percentile histogram buckets): one observation per command run, {@code kind} = migrate or rollback, {@code outcome}
 * = success or failure;</li>
 * <li>{@code tenantfleet.tenant.migration.failures{kind, error_class}}
 * ({@code tenantfleet_tenant_migration_failures_total}): failed runs by {@link MigrationErrorCode}.</li>
 * </ul>
 * Every series is registered at start, at zero, so a rate over the first failure of a class is not lost; tenant slugs
 * and ids never become labels.
 */
// Created at start, not on first use: the series must be scraped at zero before anything happens.
@Startup
@ApplicationScoped
public class WorkerMetrics {
    static final String RUNS = "tenantfleet.tenant.migration";
    static final String FAILURES = "tenantfleet.tenant.migration.failures";
    private static final List<String> KINDS = List.of("migrate", "rollback");
    private static final List<String> OUTCOMES = List.of("success", "failure");

    private final MeterRegistry registry;
    private final Map<String, Timer> runs = new HashMap<>();
    private final Map<String, Counter> failures = new HashMap<>();

    /** Upper bounds of the duration histogram: a tenant migration takes from ~100 ms to the timeout (120 s default) and beyond. */
    private static final Duration[] BUCKETS = Stream.of(
                    0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 900.0)
            .map(seconds -> Duration.ofMillis(Math.round(seconds * 1000)))
            .toArray(Duration[]::new);

    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String kind : KINDS) {
            for (String outcome : OUTCOMES) {
                runs.put(
                        kind + outcome,
                        Timer.builder(RUNS)
                                .description("How long one migrate-tenant or rollback-tenant run took on this worker")
                                .tag("kind", kind)
                                .tag("outcome", outcome)
                                // Fixed buckets, not Micrometer's ~60 percentile buckets: 4 series per worker x 20
                                // workers
                                // would be thousands of series for a histogram read at this resolution anyway.
                                .serviceLevelObjectives(BUCKETS)
                                .register(registry));
            }
            for (MigrationErrorCode code : MigrationErrorCode.values()) {
                failures.put(
                        kind + code,
                        Counter.builder(FAILURES)
                                .description("Failed migrate-tenant and rollback-tenant runs by error class")
                                .tag("kind", kind)
                                .tag("error_class", code.name())
                                .register(registry));
            }
        }
    }

    /**
     * Removes this instance's meters: the global registry outlives an application restarted in the same JVM (tests),
     * and meters left there would carry this instance's counts into the new one.
     */
    @PreDestroy
    void unregister() {
        runs.values().forEach(registry::remove);
        failures.values().forEach(registry::remove);
    }

    /** Records one run from the result the worker is about to publish. */
    public void record(MigrationResult result) {
        String kind =
                result instanceof TenantMigrated || result instanceof TenantMigrationFailed ? "migrate" : "rollback";
        MigrationError error = errorOf(result);
        runs.get(kind + (error == null ? "success" : "failure")).record(Duration.ofMillis(result.durationMillis()));
        if (error != null) {
            failures.get(kind + error.code()).increment();
        }
    }

    private static MigrationError errorOf(MigrationResult result) {
        if (result instanceof TenantMigrationFailed failed) {
            return failed.error();
        }
        return result instanceof TenantRollbackFailed failed ? failed.error() : null;
    }
}
