package dev.tenantfleet.model.observability;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Prometheus series each service exposes at {@code /q/metrics}, as scraped (counters with {@code _total},
 * histograms with {@code _bucket}, {@code _count}, {@code _sum}, {@code _max}). The services' metrics tests assert that
 * every name listed for them is scraped, and the Grafana dashboard test that its queries use no other name, so code,
 * dashboard and docs/operations.md cannot drift apart. Labels never carry tenant slugs, ids or release ids.
 */
public final class MetricNames {
    /** Gauge {@code {status}}: tenants in the control database by lifecycle status. */
    public static final String TENANTS = "tenantfleet_tenants";
    /** Gauge {@code {status}}: releases not finished yet, by status (RUNNING, PAUSED, HALTING, ROLLING_BACK). */
    public static final String RELEASES_IN_PROGRESS = "tenantfleet_releases_in_progress";
    /** Gauge {@code {state}}: tenants of the unfinished releases by their state in the release. */
    public static final String RELEASE_TENANTS = "tenantfleet_release_tenants";
    /** Counter {@code {outcome}}: releases that reached a final status, by that status. */
    public static final String RELEASES_COMPLETED = "tenantfleet_releases_completed_total";
    /** Gauge: outbox rows not yet confirmed by the broker. */
    public static final String OUTBOX_UNSENT = "tenantfleet_outbox_unsent";
    /** Gauge: age in seconds of the oldest outbox row not yet confirmed by the broker (0 when none). */
    public static final String OUTBOX_OLDEST_UNSENT_AGE = "tenantfleet_outbox_oldest_unsent_age_seconds";

    /** Histogram {@code {kind, outcome}}: how long one migrate-tenant or rollback-tenant run took on a worker. */
    public static final String TENANT_MIGRATION = "tenantfleet_tenant_migration_seconds";
    /** Counter {@code {kind, error_class}}: failed runs by their error class ({@code MigrationErrorCode}). */
    public static final String TENANT_MIGRATION_FAILURES = "tenantfleet_tenant_migration_failures_total";

    /** Counter {@code {type}}: identity and tenant events whose effect identity-consumer applied. */
    public static final String IDENTITY_EVENTS_APPLIED = "identity_events_applied_total";
    /** Counter {@code {type}}: duplicates and events older than what was applied. */
    public static final String IDENTITY_EVENTS_IGNORED_STALE = "identity_events_ignored_stale_total";
    /** Counter {@code {reason}}: messages identity-consumer dead-lettered, by error code. */
    public static final String IDENTITY_EVENTS_DEAD_LETTERED = "identity_events_dead_lettered_total";
    /** Counter {@code {channel}}: deliveries nacked with requeue after their in-process retries ran out. */
    public static final String IDENTITY_EVENTS_REQUEUED = "identity_events_requeued_total";
    /** Histogram: now minus an event's time when its effect was applied. */
    public static final String IDENTITY_EVENT_LAG = "identity_event_lag_seconds";
    /** Gauge: the lag of the last event applied, in seconds. */
    public static final String IDENTITY_EVENT_LAG_LAST = "identity_event_lag_last_seconds";

    /** Summary: identity deliveries taken together in one batch (natural batching: 1 when idle, more under load). */
    public static final String IDENTITY_EVENTS_BATCH_SIZE = "identity_events_batch_size";

    /** Every series tenant-service exposes beyond the standard JVM, HTTP and messaging ones. */
    public static final List<String> TENANT_SERVICE = List.of(
            TENANTS,
            RELEASES_IN_PROGRESS,
            RELEASE_TENANTS,
            RELEASES_COMPLETED,
            OUTBOX_UNSENT,
            OUTBOX_OLDEST_UNSENT_AGE);
    /** Every series migration-worker exposes beyond the standard ones. */
    public static final List<String> MIGRATION_WORKER = Stream.concat(
                    histogram(TENANT_MIGRATION).stream(), Stream.of(TENANT_MIGRATION_FAILURES))
            .toList();
    /** Every series identity-consumer exposes beyond the standard ones. */
    public static final List<String> IDENTITY_CONSUMER = Stream.of(
                    List.of(
                            IDENTITY_EVENTS_APPLIED,
                            IDENTITY_EVENTS_IGNORED_STALE,
                            IDENTITY_EVENTS_DEAD_LETTERED,
                            IDENTITY_EVENTS_REQUEUED),
                    histogram(IDENTITY_EVENT_LAG),
                    List.of(IDENTITY_EVENT_LAG_LAST),
                    List.of(
                            IDENTITY_EVENTS_BATCH_SIZE + "_count",
                            IDENTITY_EVENTS_BATCH_SIZE + "_sum",
                            IDENTITY_EVENTS_BATCH_SIZE + "_max"))
            .flatMap(List::stream)
            .toList();

    private MetricNames() {}

    /** Every Tenant Fleet series of all three services. */
    public static List<String> all() {
        return Stream.of(TENANT_SERVICE, MIGRATION_WORKER, IDENTITY_CONSUMER)
                .flatMap(List::stream)
                .toList();
    }

    /** The series Micrometer exposes for a timer with a percentile histogram named {@code base}. */
    static List<String> histogram(String base) {
        return List.of(base + "_bucket", base + "_count", base + "_sum", base + "_max");
    }
}
