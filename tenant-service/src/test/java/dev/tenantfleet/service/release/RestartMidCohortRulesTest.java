package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.release.ReleaseFixture.migrated;
import static dev.tenantfleet.service.release.ReleaseFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A restarted tenant-service carries on from the stored state alone: a fresh step over a cohort caught half way
 * re-sends nothing in flight, counts it against the caps, and starts only what is missing.
 */
class RestartMidCohortRulesTest {
    @Test
    void aFreshStepOverAHalfDoneCohortStartsOnlyWhatTheCapsLeftAndResendsNothing() {
        ReleaseFixture fixture = new ReleaseFixture(2, spec().concurrency(3));
        fixture.migrated("a", 0, 1, "c1");
        ReleaseTenant b = fixture.tenant("b", 0, TenantReleaseState.MIGRATING);
        ReleaseTenant c = fixture.tenant("c", 0, TenantReleaseState.MIGRATING);
        UUID bCommand = b.commandId;
        UUID cCommand = c.commandId;
        fixture.tenant("d", 0, TenantReleaseState.PENDING);
        fixture.tenant("e", 0, TenantReleaseState.PENDING);
        fixture.tenant("f", 1, TenantReleaseState.PENDING);

        StepOutcome outcome = fixture.step();

        assertThat(migrated(outcome)).containsExactly("d");
        assertThat(b.commandId).isEqualTo(bCommand);
        assertThat(c.commandId).isEqualTo(cCommand);
        assertThat(b.attempts).isEqualTo(1);
        assertThat(fixture.release.currentCohort).isZero();
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.RUNNING);
    }

    @Test
    void aStepOverUnchangedStateDoesNothingAndAnnouncesNothing() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().concurrency(1));
        fixture.tenant("a", 0, TenantReleaseState.MIGRATING);
        fixture.tenant("b", 0, TenantReleaseState.PENDING);

        StepOutcome outcome = fixture.step();

        assertThat(outcome.effects()).isEmpty();
        assertThat(outcome.journal().lines()).isEmpty();
    }
}
