package dev.tenantfleet.service.release;

import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.model.release.ReleaseStatus;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Advances every unfinished release once a second: ends pauses between cohorts, catches results that were missed
 * while the service was down, and (after a restart) picks up where the stored state says the release stands.
 */
@ApplicationScoped
class ReleaseTicker {
    private static final Logger LOG = Logger.getLogger(ReleaseTicker.class);
    private final ReleaseOrchestrator orchestrator;

    ReleaseTicker(ReleaseOrchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Scheduled(every = "${tenantfleet.release.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        for (UUID releaseId : unfinished()) {
            try (TenantLogContext log = TenantLogContext.release(releaseId)) {
                advance(releaseId);
            }
        }
    }

    private void advance(UUID releaseId) {
        try {
            orchestrator.advance(releaseId);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not advance release %s; retrying on the next tick", releaseId);
        }
    }

    @Transactional
    List<UUID> unfinished() {
        List<Release> releases = Release.list("status not in ?1", ReleaseStatus.terminalStatuses());
        return releases.stream().map(release -> release.id).toList();
    }
}
