package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.release.ReleaseFixture.migrated;
import static dev.tenantfleet.service.release.ReleaseFixture.rolledBack;
import static dev.tenantfleet.service.release.ReleaseFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.tenant.TenantStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What HALT and ROLLBACK do once a cohort failed (CONTINUE: {@link FailureBudgetRulesTest}). */
class FailurePolicyRulesTest {
    @Test
    void haltLetsTenantsInFlightFinishThenEndsHaltedWithTheRestStillPending() {
        ReleaseFixture fixture = new ReleaseFixture(2, spec());
        fixture.tenant("a", 0, TenantReleaseState.FAILED);
        ReleaseTenant inFlight = fixture.tenant("b", 0, TenantReleaseState.MIGRATING);
        fixture.tenant("c", 1, TenantReleaseState.PENDING);

        fixture.step();
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.HALTING);

        inFlight.state = TenantReleaseState.MIGRATED;
        StepOutcome outcome = fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.HALTED);
        assertThat(fixture.release.finishedAt).isEqualTo(ReleaseFixture.NOW);
        assertThat(migrated(outcome)).isEmpty();
        assertThat(fixture.tenants.get(2).state).isEqualTo(TenantReleaseState.PENDING);
        assertThat(outcome.effects(ReleaseEffect.Announce.class))
                .extracting(ReleaseEffect.Announce::event)
                .hasAtLeastOneElementOfType(ReleaseCompleted.class);
    }

    @Test
    void rollbackUndoesOnlyWhatThisReleaseAppliedNewestFirst() {
        ReleaseFixture fixture =
                new ReleaseFixture(1, spec().policy(FailurePolicy.ROLLBACK).concurrency(10));
        fixture.migrated("first", 0, 1, "c1", "c2");
        fixture.migrated("second", 0, 2, "c1", "c2");
        fixture.migrated("already-there", 0, 0);
        fixture.migrated("third", 0, 3, "c1", "c2");
        ReleaseTenant partial = fixture.tenant("partial", 0, TenantReleaseState.FAILED);
        partial.appliedJson = ReleaseJson.write(List.of("c1"));
        partial.migratedSeq = 4L;
        fixture.tenant("failed-clean", 0, TenantReleaseState.FAILED);
        fixture.tenant("skipped", -1, TenantReleaseState.SKIPPED);

        // over the budget, nothing in flight: HALTING, then ROLLING_BACK, in the same step
        StepOutcome outcome = fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.ROLLING_BACK);
        assertThat(ReleaseFixture.logged(outcome)).startsWith("HALTING", "ROLLING_BACK");
        assertThat(rolledBack(outcome)).containsExactly("partial", "third", "second", "first");
        assertThat(outcome.effects(ReleaseEffect.RollBack.class).get(1).tenant().applied())
                .containsExactly("c1", "c2");
    }

    @Test
    void rollbackStaysWithinTheCapsAndGoesOnAsRollbacksFinish() {
        ReleaseFixture fixture =
                new ReleaseFixture(1, spec().policy(FailurePolicy.ROLLBACK).concurrency(1));
        fixture.release.status = ReleaseStatus.ROLLING_BACK;
        ReleaseTenant older = fixture.migrated("older", 0, 1, "c1");
        ReleaseTenant newer = fixture.migrated("newer", 0, 2, "c1");

        assertThat(rolledBack(fixture.step())).containsExactly("newer");
        newer.state = TenantReleaseState.ROLLED_BACK;
        assertThat(rolledBack(fixture.step())).containsExactly("older");
        older.state = TenantReleaseState.ROLLED_BACK;
        fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.ROLLED_BACK);
    }

    @Test
    void aFailedRollbackEndsTheReleaseFailedNamingTheTenant() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().policy(FailurePolicy.ROLLBACK));
        fixture.release.status = ReleaseStatus.ROLLING_BACK;
        fixture.release.reason = "cohort 1/1 failed";
        fixture.tenant("a", 0, TenantReleaseState.ROLLBACK_FAILED);
        fixture.tenant("b", 0, TenantReleaseState.ROLLED_BACK);

        fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.FAILED);
        assertThat(fixture.release.reason).isEqualTo("rollback failed for a after: cohort 1/1 failed");
    }

    @Test
    void haltWithTheReadOnlyGateReopensEveryGatedTenant() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().readOnlyGate());
        fixture.release.status = ReleaseStatus.HALTING;
        ReleaseTenant gated = fixture.tenant("a", 0, TenantReleaseState.FAILED);
        gated.gatedFrom = TenantStatus.ACTIVE;
        fixture.statuses.put(gated.tenantId, TenantStatus.READ_ONLY);

        StepOutcome outcome = fixture.step();

        assertThat(outcome.effects(ReleaseEffect.MoveStatus.class))
                .singleElement()
                .satisfies(move -> assertThat(move.to()).isEqualTo(TenantStatus.ACTIVE));
        assertThat(gated.gatedFrom).isNull();
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.HALTED);
    }
}
