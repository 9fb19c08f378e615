package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.release.ReleaseFixture.GRACE;
import static dev.tenantfleet.service.release.ReleaseFixture.NOW;
import static dev.tenantfleet.service.release.ReleaseFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import org.junit.jupiter.api.Test;

/** A result that never comes fails its tenant after the tenant's timeout plus the grace, and the policy decides. */
class OverdueResultsRulesTest {
    private static final int TIMEOUT = 120;

    @Test
    void aMigrationWithoutAResultPastItsTimeoutAndGraceFailsWithTimeout() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().policy(FailurePolicy.CONTINUE));
        ReleaseTenant overdue = fixture.tenant("late", 0, TenantReleaseState.MIGRATING);
        overdue.dispatchedAt = NOW.minusSeconds(TIMEOUT).minus(GRACE).minusSeconds(1);

        StepOutcome outcome = fixture.step();

        assertThat(overdue.state).isEqualTo(TenantReleaseState.FAILED);
        assertThat(overdue.error().code()).isEqualTo(MigrationErrorCode.TIMEOUT);
        assertThat(overdue.commandId).as("a late result must no longer count").isNull();
        assertThat(ReleaseFixture.logged(outcome)).startsWith("late FAILED");
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.FAILED);
    }

    @Test
    void aMigrationStillWithinItsTimeoutAndGraceIsLeftInFlight() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant waiting = fixture.tenant("slow", 0, TenantReleaseState.MIGRATING);
        waiting.dispatchedAt = NOW.minusSeconds(TIMEOUT).minus(GRACE).plusSeconds(1);

        fixture.step();

        assertThat(waiting.state).isEqualTo(TenantReleaseState.MIGRATING);
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.RUNNING);
    }

    @Test
    void anOverdueFailureCountsAgainstTheBudgetLikeAnyOther() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant overdue = fixture.tenant("late", 0, TenantReleaseState.MIGRATING);
        overdue.dispatchedAt = NOW.minusSeconds(TIMEOUT).minus(GRACE).minusSeconds(1);
        fixture.tenant("next", 0, TenantReleaseState.PENDING);

        StepOutcome outcome = fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.HALTED);
        assertThat(ReleaseFixture.migrated(outcome)).isEmpty();
    }

    @Test
    void anOverdueRollbackFailsTheRollback() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().policy(FailurePolicy.ROLLBACK));
        fixture.release.status = ReleaseStatus.ROLLING_BACK;
        fixture.release.reason = "cohort 1/1 failed";
        ReleaseTenant overdue = fixture.tenant("late", 0, TenantReleaseState.ROLLING_BACK);
        overdue.dispatchedAt = NOW.minusSeconds(TIMEOUT).minus(GRACE).minusSeconds(1);

        fixture.step();

        assertThat(overdue.state).isEqualTo(TenantReleaseState.ROLLBACK_FAILED);
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.FAILED);
    }
}
