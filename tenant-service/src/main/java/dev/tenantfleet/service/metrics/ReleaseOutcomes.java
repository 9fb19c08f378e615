package dev.tenantfleet.service.metrics;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.service.release.ReleaseFinished;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts releases that reached a final status, by that status ({@code tenantfleet_releases_completed_total{outcome}}),
 * once the transaction that finished them committed. A resumed release that finishes again counts again. Counted by
 * the replica that finished the release: sum over replicas.
 */
@Startup
@ApplicationScoped
public class ReleaseOutcomes {
    private final MeterRegistry registry;
    private final Map<ReleaseStatus, Counter> outcomes = new EnumMap<>(ReleaseStatus.class);

    ReleaseOutcomes(MeterRegistry registry) {
        this.registry = registry;
        // Registered at zero so the first release of each outcome shows in a rate, not as a new series.
        ReleaseStatus.terminalStatuses()
                .forEach(status -> outcomes.put(
                        status,
                        Counter.builder("tenantfleet.releases.completed")
                                .description("Releases that reached a final status")
                                .tag("outcome", status.name())
                                .register(registry)));
    }

    /**
     * Removes this instance's meters: the global registry outlives an application restarted in the same JVM (tests),
     * and a counter left there would carry this instance's counts into the new one.
     */
    @PreDestroy
    void unregister() {
        outcomes.values().forEach(registry::remove);
    }

    void onFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReleaseFinished finished) {
        Counter counter = outcomes.get(finished.outcome());
        if (counter != null) {
            counter.increment();
        }
    }
}
