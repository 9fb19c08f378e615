package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.release.ReleaseFixture.NOW;
import static dev.tenantfleet.service.release.ReleaseFixture.migrated;
import static dev.tenantfleet.service.release.ReleaseFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.tenant.TenantStatus;
import org.junit.jupiter.api.Test;

/** Starting a tenant: the transition, its log line and its event; the skip rule; the read-only gate. */
class DispatchRulesTest {
    @Test
    void startingATenantMarksItInFlightUnderANewCommandLogsItAndAnnouncesIt() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.PENDING);

        StepOutcome outcome = fixture.step();

        assertThat(tenant.state).isEqualTo(TenantReleaseState.MIGRATING);
        assertThat(tenant.commandId).isNotNull();
        assertThat(tenant.attempts).isEqualTo(1);
        assertThat(tenant.dispatchedAt).isEqualTo(NOW);
        assertThat(outcome.journal().lines())
                .singleElement()
                .satisfies(line -> assertThat(line.details()).isEqualTo("command " + tenant.commandId + ", attempt 1"));
        assertThat(outcome.effects()).element(0).isInstanceOf(ReleaseEffect.Migrate.class);
        assertThat(outcome.effects())
                .element(1)
                .satisfies(effect -> assertThat(((ReleaseEffect.Announce) effect).event())
                        .isInstanceOfSatisfying(
                                ReleaseTenantUpdated.class,
                                event -> assertThat(event.state()).isEqualTo(TenantReleaseState.MIGRATING)));
    }

    @Test
    void aTenantSuspendedSinceTheStartIsSkippedNeverFailedAndTheReleaseCompletes() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant suspended = fixture.tenant("a", 0, TenantReleaseState.PENDING);
        fixture.statuses.put(suspended.tenantId, TenantStatus.SUSPENDED);

        StepOutcome outcome = fixture.step();

        assertThat(suspended.state).isEqualTo(TenantReleaseState.SKIPPED);
        assertThat(migrated(outcome)).isEmpty();
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.COMPLETED);
    }

    @Test
    void theReadOnlyGateClosesAnActiveTenantBeforeItStartsAndReopensItOnceTheCohortSettled() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().readOnlyGate());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.PENDING);

        StepOutcome closed = fixture.step();
        assertThat(closed.effects())
                .element(0)
                .isEqualTo(new ReleaseEffect.MoveStatus(
                        tenant,
                        TenantStatus.ACTIVE,
                        TenantStatus.READ_ONLY,
                        "read-only gate: schema migration in progress"));
        assertThat(tenant.gatedFrom).isEqualTo(TenantStatus.ACTIVE);
        assertThat(migrated(closed)).containsExactly("a");

        fixture.statuses.put(tenant.tenantId, TenantStatus.READ_ONLY);
        tenant.state = TenantReleaseState.FAILED;
        StepOutcome halted = fixture.step();
        assertThat(halted.effects(ReleaseEffect.MoveStatus.class))
                .singleElement()
                .satisfies(move -> assertThat(move.to()).isEqualTo(TenantStatus.ACTIVE));
        assertThat(tenant.gatedFrom).isNull();
    }

    @Test
    void theReadOnlyGateLeavesATenantTheOperatorMovedMeanwhileAsTheOperatorSetIt() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec().readOnlyGate());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.MIGRATED);
        tenant.gatedFrom = TenantStatus.ACTIVE;
        fixture.statuses.put(tenant.tenantId, TenantStatus.SUSPENDED);

        StepOutcome outcome = fixture.step();

        assertThat(outcome.effects(ReleaseEffect.MoveStatus.class)).isEmpty();
        assertThat(tenant.gatedFrom).isNull();
        assertThat(fixture.release.status).isEqualTo(ReleaseStatus.COMPLETED);
    }
}
