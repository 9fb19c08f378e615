package dev.tenantfleet.service.release;

import static dev.tenantfleet.service.release.ReleaseFixture.NOW;
import static dev.tenantfleet.service.release.ReleaseFixture.migratedResult;
import static dev.tenantfleet.service.release.ReleaseFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.model.release.TenantReleaseState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Only the first result of the command a tenant waits for counts, and only while its release is going. */
class ResultRulesTest {
    private final AtomicLong sequence = new AtomicLong(100);

    @Test
    void theAwaitedResultSettlesTheTenantAndRecordsWhatTheReleaseApplied() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.MIGRATING);
        ReleaseJournal journal = new ReleaseJournal();

        Optional<ReleaseTenantUpdated> event = apply(fixture, tenant, migratedResult(tenant, "c1", "c2"), journal);

        assertThat(event)
                .hasValueSatisfying(updated -> assertThat(updated.state()).isEqualTo(TenantReleaseState.MIGRATED));
        assertThat(tenant.applied()).containsExactly("c1", "c2");
        assertThat(tenant.migratedSeq).isEqualTo(101);
        assertThat(tenant.headAfter).isEqualTo("v1.4");
        assertThat(journal.lines()).extracting(ReleaseJournal.Line::event).containsExactly("MIGRATED");
    }

    @Test
    void aSecondResultForTheSameCommandChangesNothing() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.MIGRATING);
        TenantMigrated first = migratedResult(tenant, "c1");
        MigrationError error = new MigrationError(MigrationErrorCode.LOCKED, "locked", "wait", null);
        TenantMigrationFailed second = new TenantMigrationFailed(
                first.commandId(),
                tenant.tenantId,
                "a",
                MigrationPurpose.RELEASE,
                error,
                "v1.4",
                List.of(),
                5,
                "digest",
                tenant.releaseId);
        apply(fixture, tenant, first, new ReleaseJournal());
        ReleaseJournal journal = new ReleaseJournal();

        Optional<ReleaseTenantUpdated> event = apply(fixture, tenant, second, journal);

        assertThat(event).isEmpty();
        assertThat(tenant.state).isEqualTo(TenantReleaseState.MIGRATED);
        assertThat(tenant.applied()).containsExactly("c1");
        assertThat(tenant.migratedSeq).isEqualTo(101);
        assertThat(journal.lines()).isEmpty();
    }

    @Test
    void aResultForAnEarlierCommandOfTheTenantChangesNothing() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.MIGRATING);
        TenantMigrated earlier = migratedResult(tenant, "c1");
        tenant.commandId = UUID.randomUUID(); // retried since, with a new command

        assertThat(apply(fixture, tenant, earlier, new ReleaseJournal())).isEmpty();
        assertThat(tenant.state).isEqualTo(TenantReleaseState.MIGRATING);
    }

    @Test
    void aResultAfterTheTenantFailedAsOverdueChangesNothing() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.MIGRATING);
        TenantMigrated late = migratedResult(tenant, "c1");
        tenant.overdue(
                new MigrationError(MigrationErrorCode.TIMEOUT, "no result", "start a worker", null),
                NOW,
                new ReleaseJournal());

        assertThat(apply(fixture, tenant, late, new ReleaseJournal())).isEmpty();
        assertThat(tenant.state).isEqualTo(TenantReleaseState.FAILED);
        assertThat(tenant.applied()).isEmpty();
    }

    @Test
    void aResultForAFinishedReleaseChangesNothing() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.MIGRATING);
        fixture.release.finish(ReleaseStatus.HALTED, "halted", NOW);

        assertThat(apply(fixture, tenant, migratedResult(tenant, "c1"), new ReleaseJournal()))
                .isEmpty();
        assertThat(tenant.state).isEqualTo(TenantReleaseState.MIGRATING);
    }

    @Test
    void aResultOfARedeliveredCommandCountsEachDeliveryAsAnAttempt() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.MIGRATING);
        ReleaseJournal journal = new ReleaseJournal();

        apply(fixture, tenant, migratedResult(tenant, "c1").withDeliveryAttempt(2), journal);

        assertThat(tenant.attempts).isEqualTo(2);
        assertThat(journal.lines())
                .singleElement()
                .satisfies(line -> assertThat(line.details())
                        .endsWith(", delivery 2 of command " + tenant.commandId + " (redelivered)"));
    }

    @Test
    void aResultOfAFirstDeliveryLeavesTheAttemptsAsDispatched() {
        ReleaseFixture fixture = new ReleaseFixture(1, spec());
        ReleaseTenant tenant = fixture.tenant("a", 0, TenantReleaseState.MIGRATING);

        apply(fixture, tenant, migratedResult(tenant, "c1"), new ReleaseJournal());

        assertThat(tenant.attempts).isEqualTo(1);
    }

    private Optional<ReleaseTenantUpdated> apply(
            ReleaseFixture fixture,
            ReleaseTenant tenant,
            dev.tenantfleet.model.migration.MigrationResult result,
            ReleaseJournal journal) {
        return ResultRule.apply(fixture.release, tenant, result, NOW, sequence::incrementAndGet, journal);
    }
}
