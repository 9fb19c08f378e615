package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.release.ReleaseFixture.NOW;
import static dev.tenantfleet.service.release.ReleaseFixture.migrated;
import static dev.tenantfleet.service.release.ReleaseFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import org.junit.jupiter.api.Test;

/** The pause between cohorts, and an operator's resume of a halted or failed release. */
class PauseAndResumeRulesTest {
    @Test
    void aSettledCohortStartsTheNextAfterThePause() {
        ReleaseFixture fixture = new ReleaseFixture(2, spec().pauseSeconds(30));
        fixture.migrated("canary", 0, 1, "c1");
        fixture.tenant("b", 1, TenantReleaseState.PENDING);

        StepOutcome settled = fixture.step(NOW);
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.PAUSED);
        assertThat(fixture.release.currentCohort).isEqualTo(1);
        assertThat(fixture.release.pausedUntil).isEqualTo(NOW.plusSeconds(30));
        assertThat(migrated(settled)).isEmpty();

        assertThat(migrated(fixture.step(NOW.plusSeconds(29)))).isEmpty();
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.PAUSED);

        StepOutcome resumed = fixture.step(NOW.plusSeconds(30));
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.RUNNING);
        assertThat(fixture.release.pausedUntil).isNull();
        assertThat(migrated(resumed)).containsExactly("b");
    }

    @Test
    void withoutAPauseTheNextCohortStartsInTheSameStep() {
        ReleaseFixture fixture = new ReleaseFixture(2, spec());
        fixture.migrated("canary", 0, 1, "c1");
        fixture.tenant("b", 1, TenantReleaseState.PENDING);

        StepOutcome outcome = fixture.step();

        assertThat(ReleaseFixture.logged(outcome)).containsExactly("COHORT_STARTED", "b MIGRATING");
        assertThat(migrated(outcome)).containsExactly("b");
    }

    @Test
    void aCohortIsNotLeftWhileOneOfItsTenantsIsInFlight() {
        ReleaseFixture fixture = new ReleaseFixture(2, spec());
        fixture.migrated("a", 0, 1, "c1");
        fixture.tenant("b", 0, TenantReleaseState.MIGRATING);
        fixture.tenant("c", 1, TenantReleaseState.PENDING);

        assertThat(migrated(fixture.step())).isEmpty();
        assertThat(fixture.release.currentCohort).isZero();
    }

    @Test
    void resumeRetriesTheFailedTenantsFromTheirCohortAndTheStepDispatchesThem() {
        ReleaseFixture fixture = new ReleaseFixture(3, spec());
        fixture.migrated("a", 0, 1, "c1");
        ReleaseTenant failed = fixture.tenant("b", 1, TenantReleaseState.FAILED);
        failed.attempts = 1;
        fixture.tenant("c", 2, TenantReleaseState.PENDING);
        fixture.release.currentCohort = 1;
        fixture.release.finish(ReleaseStatus.HALTED, "cohort 2/3 failed", NOW);
        ReleaseJournal journal = new ReleaseJournal();

        fixture.release.resumed(fixture.tenants, "ops", journal, NOW);

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.RUNNING);
        assertThat(fixture.release.currentCohort).isEqualTo(1);
        assertThat(fixture.release.reason).isNull();
        assertThat(fixture.release.finishedAt).isNull();
        assertThat(failed.state).isEqualTo(TenantReleaseState.PENDING);
        assertThat(journal.lines())
                .extracting(ReleaseJournal.Line::details)
                .containsExactly("by ops, 1 failed tenants retried");

        StepOutcome outcome = fixture.step();
        assertThat(migrated(outcome)).containsExactly("b");
        assertThat(failed.attempts).isEqualTo(2);
    }

    @Test
    void resumeGoesBackToTheEarliestCohortWithTenantsToMigrate() {
        ReleaseFixture fixture = new ReleaseFixture(3, spec());
        fixture.tenant("a", 0, TenantReleaseState.FAILED);
        fixture.migrated("b", 1, 1, "c1");
        fixture.tenant("c", 2, TenantReleaseState.FAILED);
        fixture.release.currentCohort = 2;
        fixture.release.finish(ReleaseStatus.FAILED, "2 tenants failed: a, c", NOW);

        fixture.release.resumed(fixture.tenants, "ops", new ReleaseJournal(), NOW);

        assertThat(fixture.release.currentCohort).isZero();
    }
}
