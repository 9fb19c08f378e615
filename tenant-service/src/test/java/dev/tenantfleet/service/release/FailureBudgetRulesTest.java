package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.release.ReleaseFixture.migrated;
import static dev.tenantfleet.service.release.ReleaseFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.release.FailureBudget;
import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import org.junit.jupiter.api.Test;

/** A cohort fails when its failures exceed the budget, counted or in percent, and each cohort is judged alone. */
class FailureBudgetRulesTest {
    @Test
    void aCohortWithinItsCountBudgetGoesOn() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().budget(new FailureBudget(1, null)));
        fixture.tenant("a", 0, TenantReleaseState.FAILED);
        fixture.tenant("b", 0, TenantReleaseState.PENDING);

        StepOutcome outcome = fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.RUNNING);
        assertThat(migrated(outcome)).containsExactly("b");
    }

    @Test
    void aCohortOverItsCountBudgetHaltsAndStartsNobodyElse() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().budget(new FailureBudget(1, null)));
        fixture.tenant("a", 0, TenantReleaseState.FAILED);
        fixture.tenant("b", 0, TenantReleaseState.FAILED);
        fixture.tenant("c", 0, TenantReleaseState.MIGRATING);
        fixture.tenant("d", 0, TenantReleaseState.PENDING);

        StepOutcome outcome = fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.HALTING);
        assertThat(fixture.release.reason)
                .isEqualTo("cohort 1/1 failed: 2 of 4 tenants (a, b), over the failure budget");
        assertThat(migrated(outcome)).isEmpty();
        assertThat(ReleaseFixture.logged(outcome)).containsExactly("HALTING");
    }

    @Test
    void theDefaultBudgetHaltsAtTheFirstFailureEvenOneFailedAtPreflight() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant failedAtPreflight = fixture.tenant("a", 0, TenantReleaseState.FAILED);
        fixture.tenant("b", 0, TenantReleaseState.PENDING);

        StepOutcome outcome = fixture.step();

        // failed at preflight, never dispatched; with nothing in flight the halt ends at once
        assertThat(failedAtPreflight.attempts).isZero();
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.HALTED);
        assertThat(migrated(outcome)).isEmpty();
    }

    @Test
    void aPercentBudgetAllowsThatShareOfTheCohortRoundedDown() {
        ReleaseFixture within = new ReleaseFixture(1, spec().budget(new FailureBudget(null, 25)));
        within.tenant("a", 0, TenantReleaseState.FAILED);
        for (String slug : new String[] {"b", "c", "d", "e", "f", "g", "h"}) {
            within.tenant(slug, 0, TenantReleaseState.MIGRATING);
        }
        ReleaseFixture over = new ReleaseFixture(1, spec().budget(new FailureBudget(null, 25)));
        over.tenant("a", 0, TenantReleaseState.FAILED);
        over.tenant("b", 0, TenantReleaseState.FAILED);
        over.tenant("c", 0, TenantReleaseState.FAILED);
        for (String slug : new String[] {"d", "e", "f", "g", "h"}) {
            over.tenant(slug, 0, TenantReleaseState.MIGRATING);
        }

        within.step();
        over.step();

        // 25 % of 8 tenants is 2 failures allowed: 1 goes on, 3 halt
        assertThat(within.release.status).isEqualTo(ReleaseStatus.RUNNING);
        assertThat(over.release.status).isEqualTo(ReleaseStatus.HALTING);
    }

    @Test
    void eachCohortIsJudgedOnItsOwnFailuresNotTheReleaseTotal() {
        ReleaseFixture fixture = new ReleaseFixture(2, spec().budget(new FailureBudget(1, null)));
        fixture.tenant("a", 0, TenantReleaseState.FAILED);
        fixture.migrated("b", 0, 1, "c1");
        fixture.tenant("c", 1, TenantReleaseState.FAILED);
        fixture.tenant("d", 1, TenantReleaseState.PENDING);
        fixture.release.currentCohort = 1;

        StepOutcome outcome = fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.RUNNING);
        assertThat(migrated(outcome)).containsExactly("d");
    }

    @Test
    void tenantsAheadOfTheTargetNeverHoldUpTheReleaseAndAreNamedInHowItEnded() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().budget(new FailureBudget(null, 50)));
        fixture.tenant("a", 0, TenantReleaseState.FAILED);
        fixture.migrated("b", 0, 1, "c1");
        fixture.tenant("ahead-1", -1, TenantReleaseState.AHEAD);
        fixture.tenant("ahead-2", -1, TenantReleaseState.AHEAD);

        fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.FAILED);
        assertThat(fixture.release.reason)
                .isEqualTo("1 tenants failed: a; 2 tenants are ahead of the target v1.4, "
                        + "untouched: ahead-1, ahead-2");
    }

    @Test
    void continueMigratesEveryoneWhateverTheFailuresAndEndsFailedNamingThem() {
        ReleaseFixture fixture = new ReleaseFixture(2, spec().policy(FailurePolicy.CONTINUE));
        fixture.tenant("a", 0, TenantReleaseState.FAILED);
        fixture.tenant("b", 0, TenantReleaseState.FAILED);
        fixture.tenant("c", 1, TenantReleaseState.PENDING);

        StepOutcome started = fixture.step();
        assertThat(migrated(started)).containsExactly("c");
        assertThat(fixture.release.currentCohort).isEqualTo(1);

        fixture.tenants.get(2).state = TenantReleaseState.MIGRATED;
        fixture.step();

        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.FAILED);
        assertThat(fixture.release.reason).isEqualTo("2 tenants failed: a, b");
    }
}
