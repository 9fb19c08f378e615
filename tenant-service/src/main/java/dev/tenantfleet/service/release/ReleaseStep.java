package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.release.TenantLists.only;
import static dev.tenantfleet.service.release.TenantLists.slugs;

import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.model.release.TenantReleaseState;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The release state machine: moves a release as far as it can go from a {@link ReleaseSnapshot}, and says what that
 * takes ({@link StepOutcome}). Fails overdue tenants, dispatches the current cohort within the caps, judges the
 * cohort against the failure budget, moves to the next cohort, halts, rolls back newest first, finishes. It only
 * changes the snapshot's entities through their transitions and never touches the database or the broker; the
 * orchestrator stores and sends what it decided, in one transaction.
 */
final class ReleaseStep {
    private final Duration resultGrace;
    private final Supplier<UUID> commandIds;

    /**
     * @param resultGrace how long past a tenant's timeout its result may still come before it fails as overdue
     * @param commandIds  the id of each command the step sends
     */
    ReleaseStep(Duration resultGrace, Supplier<UUID> commandIds) {
        this.resultGrace = resultGrace;
        this.commandIds = commandIds;
    }

    StepOutcome advance(ReleaseSnapshot snapshot) {
        StepOutcome outcome = new StepOutcome();
        Release release = snapshot.release();
        if (release.status.terminal()) {
            return outcome;
        }
        ReleaseStatus statusBefore = release.status;
        int cohortBefore = release.currentCohort;
        ReleaseCounts countsBefore = ReleaseCountsOf.of(snapshot.tenants());
        OverdueResults.fail(snapshot, resultGrace, outcome);
        new Pass(snapshot, outcome).untilStable();
        if (release.status != statusBefore
                || release.currentCohort != cohortBefore
                || !ReleaseCountsOf.of(snapshot.tenants()).equals(countsBefore)) {
            outcome.announce(ReleaseEvents.progressed(release, snapshot.tenants()));
        }
        if (release.status.terminal()) {
            outcome.announce(ReleaseEvents.completed(release, snapshot.tenants()));
        }
        return outcome;
    }

    /** One step's work on one snapshot. */
    private final class Pass {
        private final ReleaseSnapshot snapshot;
        private final Release release;
        private final List<ReleaseTenant> tenants;
        private final StepOutcome outcome;
        private final ReleaseJournal journal;
        private final GateDecisions gate;

        Pass(ReleaseSnapshot snapshot, StepOutcome outcome) {
            this.snapshot = snapshot;
            this.release = snapshot.release();
            this.tenants = snapshot.tenants();
            this.outcome = outcome;
            this.journal = outcome.journal();
            this.gate = new GateDecisions(snapshot, outcome);
        }

        /** One pass can unlock the next (last tenant of a cohort settles, the next cohort starts): loop until stable. */
        void untilStable() {
            while (true) {
                ReleaseStatus status = release.status;
                int cohort = release.currentCohort;
                switch (release.status) {
                    case PAUSED -> release.endPauseIfOver(snapshot.now());
                    case RUNNING -> running();
                    case HALTING -> halting();
                    case ROLLING_BACK -> rollingBack();
                    default -> {
                        return;
                    }
                }
                if (release.status == status && release.currentCohort == cohort) {
                    return;
                }
            }
        }

        private void running() {
            List<ReleaseTenant> cohort = tenants.stream()
                    .filter(tenant -> tenant.cohort == release.currentCohort)
                    .toList();
            List<ReleaseTenant> failed = only(cohort, TenantReleaseState.FAILED);
            if (snapshot.spec().failurePolicy() != FailurePolicy.CONTINUE
                    && snapshot.spec().failureBudget().exceededBy(failed.size(), cohort.size())) {
                release.halting(
                        "cohort " + (release.currentCohort + 1) + "/" + release.cohorts + " failed: "
                                + failed.size() + " of " + cohort.size() + " tenants (" + slugs(failed)
                                + "), over the failure budget",
                        journal,
                        snapshot.now());
                return;
            }
            if (snapshot.spec().readOnlyGate()) {
                only(cohort, TenantReleaseState.PENDING).forEach(gate::close);
            }
            migrate(only(cohort, TenantReleaseState.PENDING));
            if (!cohort.stream().allMatch(tenant -> tenant.state.settled())) {
                return;
            }
            if (snapshot.spec().readOnlyGate()) {
                cohort.forEach(gate::open);
            }
            if (release.currentCohort + 1 < release.cohorts) {
                release.nextCohort(snapshot.spec().cohorts().pauseSeconds(), journal, snapshot.now());
                return;
            }
            finish();
        }

        private void migrate(List<ReleaseTenant> candidates) {
            InFlightSlots slots = new InFlightSlots(snapshot);
            for (ReleaseTenant candidate : candidates) {
                if (!slots.fleetHasRoom()) {
                    return;
                }
                if (!slots.serverHasRoom(candidate.serverId)) {
                    continue;
                }
                if (!snapshot.spec().statuses().contains(gate.statusOf(candidate)) && candidate.gatedFrom == null) {
                    outcome.announce(candidate.skipped(gate.statusOf(candidate), snapshot.now(), journal));
                    continue;
                }
                ReleaseTenantUpdated dispatched =
                        candidate.dispatched(commandIds.get(), TenantReleaseState.MIGRATING, snapshot.now(), journal);
                outcome.add(new ReleaseEffect.Migrate(candidate));
                outcome.announce(dispatched);
                slots.take(candidate.serverId);
            }
        }

        private void finish() {
            List<ReleaseTenant> allFailed = only(tenants, TenantReleaseState.FAILED);
            List<ReleaseTenant> ahead = only(tenants, TenantReleaseState.AHEAD);
            // tenants ahead are not at the target: the release says so rather than claim every tenant is there
            String aheadNote = ahead.isEmpty()
                    ? null
                    : ahead.size() + " tenants are ahead of the target " + release.targetTag + ", untouched: "
                            + slugs(ahead);
            if (allFailed.isEmpty()) {
                release.finished(ReleaseStatus.COMPLETED, aheadNote, journal, snapshot.now());
            } else {
                release.finished(
                        ReleaseStatus.FAILED,
                        allFailed.size() + " tenants failed: " + slugs(allFailed)
                                + (aheadNote == null ? "" : "; " + aheadNote),
                        journal,
                        snapshot.now());
            }
        }

        private void halting() {
            if (tenants.stream().anyMatch(tenant -> tenant.state == TenantReleaseState.MIGRATING)) {
                return; // finish what is in flight, start nothing new
            }
            tenants.forEach(gate::open);
            if (snapshot.spec().failurePolicy() == FailurePolicy.ROLLBACK) {
                release.rollingBack(journal, snapshot.now());
            } else {
                release.finished(ReleaseStatus.HALTED, release.reason, journal, snapshot.now());
            }
        }

        private void rollingBack() {
            // newest first, by the order the results came in: what the release applied last is undone first
            List<ReleaseTenant> toRollBack = tenants.stream()
                    .filter(ReleaseTenant::needsRollback)
                    .sorted(Comparator.comparingLong(
                                    (ReleaseTenant tenant) -> tenant.migratedSeq == null ? 0 : tenant.migratedSeq)
                            .reversed())
                    .toList();
            InFlightSlots slots = new InFlightSlots(snapshot);
            for (ReleaseTenant candidate : toRollBack) {
                if (!slots.fleetHasRoom()) {
                    break;
                }
                if (slots.serverHasRoom(candidate.serverId)) {
                    ReleaseTenantUpdated dispatched = candidate.dispatched(
                            commandIds.get(), TenantReleaseState.ROLLING_BACK, snapshot.now(), journal);
                    outcome.add(new ReleaseEffect.RollBack(candidate));
                    outcome.announce(dispatched);
                    slots.take(candidate.serverId);
                }
            }
            if (tenants.stream().anyMatch(tenant -> tenant.inFlight() || tenant.needsRollback())) {
                return;
            }
            List<ReleaseTenant> rollbackFailed = only(tenants, TenantReleaseState.ROLLBACK_FAILED);
            String cause = release.reason;
            if (rollbackFailed.isEmpty()) {
                release.finished(ReleaseStatus.ROLLED_BACK, cause, journal, snapshot.now());
            } else {
                release.finished(
                        ReleaseStatus.FAILED,
                        "rollback failed for " + slugs(rollbackFailed) + " after: " + cause,
                        journal,
                        snapshot.now());
            }
        }
    }
}
