package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.observability.TenantLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Drives a release one step at a time from its state in the control DB: dispatches the current cohort within the
 * concurrency caps, judges the cohort against the failure budget, moves to the next cohort, halts, rolls back,
 * finishes. Each call locks the release row, so results, the ticker and API calls never interleave on one release,
 * and a restarted service simply carries on from the stored state.
 */
@ApplicationScoped
public class ReleaseOrchestrator {
    private static final Logger LOG = Logger.getLogger(ReleaseOrchestrator.class);

    private final ReleaseDispatch dispatch;
    private final ReadOnlyGate gate;
    private final ReleaseAnnouncer announcer;
    private final OverdueResults overdue;

    ReleaseOrchestrator(ReleaseDispatch dispatch, ReadOnlyGate gate, ReleaseAnnouncer announcer, OverdueResults overdue) {
        this.dispatch = dispatch;
        this.gate = gate;
        this.announcer = announcer;
        this.overdue = overdue;
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
            ReleaseStatus statusBefore = release.status;
            int cohortBefore = release.currentCohort;
            ReleaseCounts countsBefore = ReleaseCountsOf.of(tenants);
            ReleaseSpec spec = release.spec();
            overdue.fail(release, spec, tenants);
            step(release, spec, tenants);
            if (release.status != statusBefore || release.currentCohort != cohortBefore
                    || !ReleaseCountsOf.of(tenants).equals(countsBefore)) {
                announcer.progressed(release, tenants);
            }
            if (release.status.terminal()) {
                announcer.completed(release, tenants);
                LOG.infof("Release %s to %s finished %s%s", release.id, release.targetTag, release.status,
                        release.reason == null ? "" : ": " + release.reason);
            }
        }
    }

    private void step(Release release, ReleaseSpec spec, List<ReleaseTenant> tenants) {
        // One pass can unlock the next (last tenant of a cohort settles -> next cohort starts), so loop until stable.
        while (true) {
            ReleaseStatus status = release.status;
            int cohort = release.currentCohort;
            switch (release.status) {
                case PAUSED -> resumeAfterPause(release);
                case RUNNING -> running(release, spec, tenants);
                case HALTING -> halting(release, spec, tenants);
                case ROLLING_BACK -> rollingBack(release, spec, tenants);
                default -> {
                    return;
                }
            }
            if (release.status == status && release.currentCohort == cohort) {
                return;
            }
        }
    }

    private static void resumeAfterPause(Release release) {
        if (release.pausedUntil == null || !Instant.now().isBefore(release.pausedUntil)) {
            release.status = ReleaseStatus.RUNNING;
            release.pausedUntil = null;
        }
    }

    private void running(Release release, ReleaseSpec spec, List<ReleaseTenant> tenants) {
        List<ReleaseTenant> cohort = tenants.stream().filter(tenant -> tenant.cohort == release.currentCohort).toList();
        List<ReleaseTenant> failed = only(cohort, TenantReleaseState.FAILED);
        if (spec.failurePolicy() != FailurePolicy.CONTINUE && spec.failureBudget().exceededBy(failed.size(), cohort.size())) {
            release.status = ReleaseStatus.HALTING;
            release.reason = "cohort " + (release.currentCohort + 1) + "/" + release.cohorts + " failed: " + failed.size()
                    + " of " + cohort.size() + " tenants (" + slugs(failed) + "), over the failure budget";
            ReleaseLogEntry.append(release.id, null, null, "HALTING", release.reason);
            return;
        }
        if (spec.readOnlyGate()) {
            only(cohort, TenantReleaseState.PENDING).forEach(gate::close);
        }
        dispatch.migrations(release, spec, tenants, only(cohort, TenantReleaseState.PENDING));
        if (!cohort.stream().allMatch(tenant -> tenant.state.settled())) {
            return;
        }
        if (spec.readOnlyGate()) {
            cohort.forEach(gate::open);
        }
        if (release.currentCohort + 1 < release.cohorts) {
            release.currentCohort++;
            ReleaseLogEntry.append(release.id, null, null, "COHORT_STARTED", "cohort " + (release.currentCohort + 1) + "/"
                    + release.cohorts);
            if (spec.cohorts().pauseSeconds() > 0) {
                release.status = ReleaseStatus.PAUSED;
                release.pausedUntil = Instant.now().plusSeconds(spec.cohorts().pauseSeconds());
            }
            return;
        }
        List<ReleaseTenant> allFailed = only(tenants, TenantReleaseState.FAILED);
        List<ReleaseTenant> ahead = only(tenants, TenantReleaseState.AHEAD);
        // tenants ahead are not at the target: the release says so rather than claim every tenant is there
        String aheadNote = ahead.isEmpty() ? null : ahead.size() + " tenants are ahead of the target " + release.targetTag
                + ", untouched: " + slugs(ahead);
        release.finish(allFailed.isEmpty() ? ReleaseStatus.COMPLETED : ReleaseStatus.FAILED,
                allFailed.isEmpty() ? aheadNote : allFailed.size() + " tenants failed: " + slugs(allFailed)
                        + (aheadNote == null ? "" : "; " + aheadNote));
        ReleaseLogEntry.append(release.id, null, null, release.status.name(), release.reason);
    }

    private void halting(Release release, ReleaseSpec spec, List<ReleaseTenant> tenants) {
        if (tenants.stream().anyMatch(tenant -> tenant.state == TenantReleaseState.MIGRATING)) {
            return; // finish what is in flight, start nothing new
        }
        tenants.forEach(gate::open);
        if (spec.failurePolicy() == FailurePolicy.ROLLBACK) {
            release.status = ReleaseStatus.ROLLING_BACK;
            ReleaseLogEntry.append(release.id, null, null, "ROLLING_BACK", release.reason);
        } else {
            release.finish(ReleaseStatus.HALTED, release.reason);
            ReleaseLogEntry.append(release.id, null, null, "HALTED", release.reason);
        }
    }

    private void rollingBack(Release release, ReleaseSpec spec, List<ReleaseTenant> tenants) {
        List<ReleaseTenant> toRollBack = tenants.stream()
                .filter(ReleaseOrchestrator::needsRollback)
                .sorted((a, b) -> Long.compare(b.migratedSeq == null ? 0 : b.migratedSeq, a.migratedSeq == null ? 0 : a.migratedSeq))
                .toList();
        dispatch.rollbacks(release, spec, tenants, toRollBack);
        boolean unfinished = tenants.stream().anyMatch(tenant -> tenant.state == TenantReleaseState.ROLLING_BACK
                || needsRollback(tenant));
        if (unfinished) {
            return;
        }
        List<ReleaseTenant> rollbackFailed = only(tenants, TenantReleaseState.ROLLBACK_FAILED);
        String cause = release.reason;
        release.finish(rollbackFailed.isEmpty() ? ReleaseStatus.ROLLED_BACK : ReleaseStatus.FAILED, rollbackFailed.isEmpty()
                ? cause : "rollback failed for " + slugs(rollbackFailed) + " after: " + cause);
        ReleaseLogEntry.append(release.id, null, null, release.status.name(), release.reason);
    }

    /** Migrated by this release (fully, or partly by a non-transactional failure) and not rolled back yet. */
    private static boolean needsRollback(ReleaseTenant tenant) {
        return (tenant.state == TenantReleaseState.MIGRATED || tenant.state == TenantReleaseState.FAILED)
                && !tenant.applied().isEmpty();
    }

    static List<ReleaseTenant> only(List<ReleaseTenant> tenants, TenantReleaseState state) {
        return tenants.stream().filter(tenant -> tenant.state == state).toList();
    }

    private static String slugs(List<ReleaseTenant> tenants) {
        return tenants.stream().map(tenant -> tenant.slug).limit(20).collect(Collectors.joining(", "))
                + (tenants.size() > 20 ? ", ..." : "");
    }
}
