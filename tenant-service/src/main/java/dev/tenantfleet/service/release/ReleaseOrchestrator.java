package dev.tenantfleet.service.release;

import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.service.config.TenantFleetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs a release's next {@link ReleaseStep} on its stored state and stores what the step decided: the release-log
 * lines, the commands, the read-only gate's moves and the events, all in one transaction. Each call locks the release
 * row first, so results, the ticker and API calls never interleave on one release, and a restarted service simply
 * carries on from the stored state.
 */
@ApplicationScoped
public class ReleaseOrchestrator {
    private static final Logger LOG = Logger.getLogger(ReleaseOrchestrator.class);

    private final ReleaseStep step;
    private final ReleaseSnapshots snapshots;
    private final ReleaseCommands commands;
    private final ReadOnlyGate gate;
    private final ReleaseAnnouncer announcer;

    ReleaseOrchestrator(
            TenantFleetConfig config,
            ReleaseSnapshots snapshots,
            ReleaseCommands commands,
            ReadOnlyGate gate,
            ReleaseAnnouncer announcer) {
        this.step = new ReleaseStep(config.release().resultGrace(), UUID::randomUUID);
        this.snapshots = snapshots;
        this.commands = commands;
        this.gate = gate;
        this.announcer = announcer;
    }

    /** Moves release {@code releaseId} as far as it can go now. */
    @Transactional
    public void advance(UUID releaseId) {
        // Lines about the release as a whole; the ones about one of its tenants add the tenant slug.
        try (TenantLogContext log = TenantLogContext.release(releaseId)) {
            Release release = Release.findById(releaseId, LockModeType.PESSIMISTIC_WRITE);
            if (release == null || release.status.terminal()) {
                return;
            }
            List<ReleaseTenant> tenants = ReleaseTenant.of(releaseId);
            ReleaseSnapshot snapshot = snapshots.of(release, tenants, Instant.now());
            store(release, snapshot.spec(), step.advance(snapshot));
            if (release.status.terminal()) {
                LOG.infof(
                        "Release %s to %s finished %s%s",
                        release.id,
                        release.targetTag,
                        release.status,
                        release.reason == null ? "" : ": " + release.reason);
            }
        }
    }

    private void store(Release release, ReleaseSpec spec, StepOutcome outcome) {
        ReleaseLogEntry.appendAll(outcome.journal());
        for (ReleaseEffect effect : outcome.effects()) {
            if (effect instanceof ReleaseEffect.Migrate migrate) {
                commands.migrate(release, spec, migrate.tenant());
            } else if (effect instanceof ReleaseEffect.RollBack rollBack) {
                commands.rollback(release, spec, rollBack.tenant());
            } else if (effect instanceof ReleaseEffect.MoveStatus move) {
                gate.move(move);
            } else if (effect instanceof ReleaseEffect.Announce announce) {
                announcer.announce(announce.event());
            }
        }
    }
}
