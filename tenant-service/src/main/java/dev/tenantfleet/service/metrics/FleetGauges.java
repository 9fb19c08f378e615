package dev.tenantfleet.service.metrics;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.tenant.TenantStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The fleet gauges (names in {@code MetricNames}): tenants by status, unfinished releases by status, their tenants by
 * state, and the outbox backlog. A scrape reads cached values; the control database is counted every
 * {@code tenantfleet.metrics.refresh-interval} (15 s) by this instance, so a burst of scrapes costs it nothing. Every
 * replica reports the same fleet-wide values: aggregate them with max, not sum.
 */
@Startup
@ApplicationScoped
public class FleetGauges {
    private static final Logger LOG = Logger.getLogger(FleetGauges.class);

    private final MeterRegistry registry;
    private final FleetCountsReader reader;
    private final List<Meter> meters = new ArrayList<>();
    private final Map<TenantStatus, AtomicLong> tenants = new EnumMap<>(TenantStatus.class);
    private final Map<ReleaseStatus, AtomicLong> releases = new EnumMap<>(ReleaseStatus.class);
    private final Map<TenantReleaseState, AtomicLong> releaseTenants = new EnumMap<>(TenantReleaseState.class);
    private final AtomicLong outboxUnsent = new AtomicLong();
    /** When the oldest unsent row was written (epoch ms; 0: none). Its age is computed when scraped, so it keeps growing
     * while the control database cannot be counted: a stuck outbox alert must fire exactly then. */
    private final AtomicLong oldestUnsentAtMillis = new AtomicLong();

    private boolean failing;

    FleetGauges(MeterRegistry registry, FleetCountsReader reader) {
        this.registry = registry;
        this.reader = reader;
        for (TenantStatus status : TenantStatus.values()) {
            gauge("tenantfleet.tenants", "Tenants by lifecycle status", "status", status, tenants);
        }
        ReleaseStatus.unfinishedStatuses()
                .forEach(status -> gauge(
                        "tenantfleet.releases.in.progress",
                        "Releases not finished yet, by status",
                        "status",
                        status,
                        releases));
        for (TenantReleaseState state : TenantReleaseState.values()) {
            gauge(
                    "tenantfleet.release.tenants",
                    "Tenants of the unfinished releases by their state in it",
                    "state",
                    state,
                    releaseTenants);
        }
        meters.add(Gauge.builder("tenantfleet.outbox.unsent", outboxUnsent, AtomicLong::get)
                .description("Outbox messages the broker has not confirmed yet")
                .register(registry));
        meters.add(Gauge.builder("tenantfleet.outbox.oldest.unsent.age", oldestUnsentAtMillis, FleetGauges::ageSeconds)
                .description("How long the oldest unconfirmed outbox message has waited")
                .baseUnit("seconds")
                .register(registry));
    }

    /**
     * Removes this instance's meters: the global registry outlives an application restarted in the same JVM (tests),
     * and a gauge left there would stay bound to this instance's values, hiding the new instance's.
     */
    @PreDestroy
    void unregister() {
        meters.forEach(registry::remove);
    }

    @Scheduled(
            every = "${tenantfleet.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        FleetCounts counts;
        try {
            counts = reader.read();
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warnf(
                        "Fleet gauges keep their last values, the control database cannot be counted: %s",
                        e.toString());
            }
            failing = true;
            return;
        }
        failing = false;
        tenants.forEach((status, value) -> value.set(counts.tenants().getOrDefault(status, 0L)));
        releases.forEach(
                (status, value) -> value.set(counts.releasesInProgress().getOrDefault(status, 0L)));
        releaseTenants.forEach(
                (state, value) -> value.set(counts.releaseTenants().getOrDefault(state, 0L)));
        outboxUnsent.set(counts.outboxUnsent());
        oldestUnsentAtMillis.set(
                counts.oldestUnsent() == null ? 0 : counts.oldestUnsent().toEpochMilli());
    }

    /** Seconds since the oldest unsent row was written (the app's clock, as created_at is), 0 when none is waiting. */
    private static double ageSeconds(AtomicLong writtenAtMillis) {
        long writtenAt = writtenAtMillis.get();
        return writtenAt == 0 ? 0 : Math.max(0, System.currentTimeMillis() - writtenAt) / 1000.0;
    }

    private <E extends Enum<E>> void gauge(
            String name, String description, String tag, E value, Map<E, AtomicLong> values) {
        AtomicLong holder = values.computeIfAbsent(value, key -> new AtomicLong());
        meters.add(Gauge.builder(name, holder, AtomicLong::get)
                .description(description)
                .tag(tag, value.name())
                .register(registry));
    }
}
