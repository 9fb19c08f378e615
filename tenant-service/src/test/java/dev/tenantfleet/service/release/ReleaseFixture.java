package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.release.CohortPlan;
import dev.tenantfleet.model.release.FailureBudget;
import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.ReleaseStrategy;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.tenant.TenantStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A release held in memory, as the control database would hold it, for the unit tests of the release rules: no
 * database, no broker, a fixed clock. Each test builds the stored state it needs and runs one {@link ReleaseStep}.
 */
final class ReleaseFixture {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration GRACE = Duration.ofMinutes(5);
    static final UUID SERVER_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID SERVER_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    final Release release = new Release();
    final List<ReleaseTenant> tenants = new ArrayList<>();
    final Map<UUID, TenantStatus> statuses = new HashMap<>();
    final Map<UUID, Integer> serverCaps = new HashMap<>(Map.of(SERVER_A, 10, SERVER_B, 10));
    private ReleaseSpec spec;
    private int commands;

    ReleaseFixture(int cohorts, Spec spec) {
        release.id = UUID.randomUUID();
        release.targetTag = "v1.4";
        release.changelogDigest = "digest";
        release.status = ReleaseStatus.RUNNING;
        release.cohorts = cohorts;
        release.createdAt = NOW.minusSeconds(600);
        release.startedAt = release.createdAt;
        this.spec = spec.build();
    }

    static Spec spec() {
        return new Spec();
    }

    /** A tenant of {@code cohort} on server A, ACTIVE in the registry. */
    ReleaseTenant tenant(String slug, int cohort, TenantReleaseState state) {
        return tenant(slug, cohort, state, SERVER_A);
    }

    ReleaseTenant tenant(String slug, int cohort, TenantReleaseState state, UUID serverId) {
        ReleaseTenant tenant = new ReleaseTenant();
        tenant.releaseId = release.id;
        tenant.tenantId = UUID.randomUUID();
        tenant.slug = slug;
        tenant.serverId = serverId;
        tenant.cohort = cohort;
        tenant.position = tenants.size();
        tenant.state = state;
        tenant.headBefore = "v1.2";
        if (state == TenantReleaseState.MIGRATING || state == TenantReleaseState.ROLLING_BACK) {
            tenant.commandId = UUID.randomUUID();
            tenant.attempts = 1;
            tenant.dispatchedAt = NOW.minusSeconds(10);
        }
        tenants.add(tenant);
        statuses.put(tenant.tenantId, TenantStatus.ACTIVE);
        return tenant;
    }

    /** A tenant this release migrated, applying {@code changesets}; {@code seq} orders the results as they came. */
    ReleaseTenant migrated(String slug, int cohort, long seq, String... changesets) {
        ReleaseTenant tenant = tenant(slug, cohort, TenantReleaseState.MIGRATED);
        tenant.headAfter = changesets.length == 0 ? "v1.2" : "v1.4";
        if (changesets.length > 0) {
            tenant.appliedJson = ReleaseJson.write(List.of(changesets));
            tenant.migratedSeq = seq;
        }
        return tenant;
    }

    StepOutcome step() {
        return step(NOW);
    }

    StepOutcome step(Instant now) {
        ReleaseStep step = new ReleaseStep(GRACE, () -> new UUID(0, ++commands));
        return step.advance(new ReleaseSnapshot(release, tenants, spec, statuses, serverCaps, now));
    }

    /** The slugs the step sent a migrate-tenant command for, in order. */
    static List<String> migrated(StepOutcome outcome) {
        return outcome.effects(ReleaseEffect.Migrate.class).stream()
                .map(effect -> effect.tenant().slug)
                .toList();
    }

    /** The slugs the step sent a rollback-tenant command for, in order. */
    static List<String> rolledBack(StepOutcome outcome) {
        return outcome.effects(ReleaseEffect.RollBack.class).stream()
                .map(effect -> effect.tenant().slug)
                .toList();
    }

    /** The release-log events the step wrote, in order. */
    static List<String> logged(StepOutcome outcome) {
        return outcome.journal().lines().stream()
                .map(line -> (line.slug() == null ? "" : line.slug() + " ") + line.event())
                .toList();
    }

    static TenantMigrated migratedResult(ReleaseTenant tenant, String... changesets) {
        return new TenantMigrated(
                tenant.commandId,
                tenant.tenantId,
                tenant.slug,
                MigrationPurpose.RELEASE,
                "v1.2",
                "v1.4",
                List.of(changesets),
                42,
                "digest",
                tenant.releaseId);
    }

    /** The parts of a spec the rules read; the rest take the documented defaults. */
    static final class Spec {
        private Integer concurrency = 10;
        private Integer serverConcurrency;
        private FailurePolicy policy = FailurePolicy.HALT;
        private FailureBudget budget;
        private Integer pauseSeconds;
        private boolean readOnlyGate;
        private Set<TenantStatus> statuses;

        Spec concurrency(int value) {
            concurrency = value;
            return this;
        }

        Spec serverConcurrency(int value) {
            serverConcurrency = value;
            return this;
        }

        Spec policy(FailurePolicy value) {
            policy = value;
            return this;
        }

        Spec budget(FailureBudget value) {
            budget = value;
            return this;
        }

        Spec pauseSeconds(int value) {
            pauseSeconds = value;
            return this;
        }

        Spec readOnlyGate() {
            readOnlyGate = true;
            return this;
        }

        ReleaseSpec build() {
            return new ReleaseSpec(
                    "v1.4",
                    null,
                    ReleaseStrategy.COHORTS,
                    new CohortPlan(null, null, null, pauseSeconds),
                    concurrency,
                    serverConcurrency,
                    120,
                    statuses,
                    null,
                    policy,
                    budget,
                    readOnlyGate,
                    null);
        }
    }
}
