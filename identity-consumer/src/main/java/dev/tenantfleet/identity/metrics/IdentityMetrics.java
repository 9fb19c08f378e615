package dev.tenantfleet.identity.metrics;

import dev.tenantfleet.identity.config.Channels;
import dev.tenantfleet.identity.failure.IdentityErrorCode;
import dev.tenantfleet.messaging.DeadLettered;
import dev.tenantfleet.messaging.DeadLetters;
import dev.tenantfleet.model.error.ErrorCode;
import dev.tenantfleet.model.error.MessageErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * identity-consumer's meters, scraped at {@code /q/metrics} (Prometheus names in brackets):
 * <ul>
 * <li>{@code identity.events.applied{type}} ({@code identity_events_applied_total}): events whose effect was applied;</li>
 * <li>{@code identity.events.ignored.stale{type}} ({@code identity_events_ignored_stale_total}): duplicates and events
 * older than what was already applied;</li>
 * <li>{@code identity.events.dead.lettered{reason}} ({@code identity_events_dead_lettered_total}): reason = error code;</li>
 * <li>{@code identity.events.requeued{channel}} ({@code identity_events_requeued_total}): deliveries nacked with requeue
 * after the in-process retries ran out (Redis or a database down);</li>
 * <li>{@code identity.event.lag} ({@code identity_event_lag_seconds}, with histogram buckets): now minus event time,
 * at the moment the effect is applied; {@code identity.event.lag.last} ({@code identity_event_lag_last_seconds});</li>
 * <li>{@code identity.events.batch.size} ({@code identity_events_batch_size_count/_sum/_max}): deliveries taken
 * together in one batch; sum / count is the mean batch size (1 when idle, larger under load).</li>
 * </ul>
 * {@code type} is the event's routing suffix ({@code user.updated}, {@code membership.removed}, ...) or
 * {@code tenant.<short-type>} for tenant events. The dead-letter and requeue counters are registered at zero for every
 * reason and channel at start, so the first dead letter shows up in a rate instead of as a new series; the names are
 * listed in {@code MetricNames}.
 */
// Created at start, not on first use: the series must be scraped at zero before anything happens.
@Startup
@ApplicationScoped
public class IdentityMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> applied = new ConcurrentHashMap<>();
    private final Map<String, Counter> ignored = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, Counter> requeued = new ConcurrentHashMap<>();
    private final Timer lag;
    private final AtomicLong lastLagMicros = new AtomicLong();
    private final Gauge lastLag;
    private final DistributionSummary batchSize;

    public IdentityMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("identity.event.lag")
                .description("Time from the event (its CloudEvents time) to its effect being applied")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.lastLag = Gauge.builder("identity.event.lag.last", lastLagMicros, micros -> micros.get() / 1_000_000.0)
                .description("Lag of the last event applied")
                .baseUnit("seconds")
                .register(registry);
        this.batchSize = DistributionSummary.builder("identity.events.batch.size")
                .description("Identity deliveries taken together in one batch")
                .register(registry);
        // Only what the consumer dead-letters: unreadable messages and the identity errors that are not retried.
        Stream.concat(
                        Stream.<ErrorCode>of(MessageErrorCode.values()),
                        Stream.of(IdentityErrorCode.values()).filter(code -> !code.retryable()))
                .forEach(code -> counter(deadLettered, "identity.events.dead.lettered", "reason", code.name()));
        Stream.of(Channels.IDENTITY_EVENTS, Channels.TENANT_EVENTS)
                .forEach(channel -> counter(requeued, "identity.events.requeued", "channel", channel));
    }

    /**
     * Removes this instance's meters: the global registry outlives an application restarted in the same JVM (tests),
     * and the lag gauge left there would stay bound to this instance's value, hiding the new instance's.
     */
    @PreDestroy
    void unregister() {
        Stream.of(applied, ignored, deadLettered, requeued)
                .flatMap(counters -> counters.values().stream())
                .forEach(registry::remove);
        registry.remove(lag);
        registry.remove(lastLag);
        registry.remove(batchSize);
    }

    /** A batch of {@code size} identity deliveries was taken. */
    public void batch(int size) {
        batchSize.record(size);
    }

    /** An event's effect was applied; records its lag. */
    public void applied(String type, Instant eventTime) {
        counter(applied, "identity.events.applied", "type", type).increment();
        Duration lagNow = Duration.between(eventTime, Instant.now());
        Duration clamped = lagNow.isNegative() ? Duration.ZERO : lagNow;
        lag.record(clamped);
        lastLagMicros.set(clamped.toNanos() / 1_000);
    }

    /** An event was a duplicate or older than what was already applied. */
    public void ignoredStale(String type) {
        counter(ignored, "identity.events.ignored.stale", "type", type).increment();
    }

    /** A message was dead-lettered (by {@link DeadLetters}); the counter's reason is its error code. */
    void deadLettered(@Observes DeadLettered letter) {
        counter(
                        deadLettered,
                        "identity.events.dead.lettered",
                        "reason",
                        letter.code().name())
                .increment();
    }

    /** A delivery went back to the queue after its retries ran out. */
    public void requeued(String channel) {
        counter(requeued, "identity.events.requeued", "channel", channel).increment();
    }

    private Counter counter(Map<String, Counter> cache, String name, String tag, String value) {
        return cache.computeIfAbsent(
                value, v -> Counter.builder(name).tag(tag, v).register(registry));
    }
}
