package dev.tenantfleet.service.release;

import dev.tenantfleet.changelog.ChangeSetInfo;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.service.changelog.ReleaseChangelog;
import dev.tenantfleet.service.inspection.TenantAccess;
import dev.tenantfleet.service.inspection.TenantInspection;
import dev.tenantfleet.service.inspection.TenantInspector;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, before anything is touched, whether a release may start and what happens to each tenant. Refuses a
 * second concurrent release, an unknown target (or a changelog without tags), another changelog, unknown slugs,
 * changesets that cannot succeed as written (a function body Liquibase would split), a ROLLBACK policy over
 * changesets without rollback, and non-transactional changesets unless explicitly allowed. Each targeted tenant's
 * fate comes from its own Liquibase history, read now ({@link TenantInspector}), never from the registry's cached
 * head: see {@link TargetDecision}.
 */
@ApplicationScoped
class ReleasePreflight {
    private final ReleaseChangelog changelog;
    private final TenantInspector inspector;

    ReleasePreflight(ReleaseChangelog changelog, TenantInspector inspector) {
        this.changelog = changelog;
        this.inspector = inspector;
    }

    Targets check(UUID releaseId, ReleaseSpec spec) {
        TenantChangelog log = changelog.get();
        refuseIf(
                spec.targetTag().length() > RecordedSpec.MAX_TARGET_TAG,
                releaseId,
                "the target tag is " + spec.targetTag().length() + " characters long; a tag has at most "
                        + RecordedSpec.MAX_TARGET_TAG);
        // Also a changelog without any tagDatabase changeset (a team's own, say): the reason says how to add tags.
        String notATarget = log.whyNotATarget(spec.targetTag());
        refuseIf(notATarget != null, releaseId, "target " + notATarget);
        Release inProgress = Release.<Release>find("status not in ?1", ReleaseStatus.terminalStatuses())
                .firstResult();
        refuseIf(
                inProgress != null,
                releaseId,
                "release " + (inProgress == null ? "" : inProgress.id)
                        + " is still in progress; one release at a time");
        refuseIf(
                spec.changelogDigest() != null && !spec.changelogDigest().equals(log.digest()),
                releaseId,
                "the release expects changelog " + spec.changelogDigest() + " but tenant-service has " + log.digest());
        Targets targets = select(releaseId, spec);
        checkChangeSets(releaseId, spec, targets.migrate());
        return targets;
    }

    private Targets select(UUID releaseId, ReleaseSpec spec) {
        List<Tenant> candidates = spec.only().isEmpty()
                ? Tenant.list("status in ?1 order by slug", spec.statuses())
                : Tenant.list("slug in ?1 order by slug", spec.only());
        Set<String> unknown = new HashSet<>(spec.only());
        candidates.forEach(tenant -> unknown.remove(tenant.slug));
        refuseIf(
                !unknown.isEmpty(),
                releaseId,
                "unknown tenants in --only: " + unknown.stream().sorted().toList());
        List<Tenant> targeted = candidates.stream()
                .filter(tenant -> spec.statuses().contains(tenant.status))
                .toList();
        // every targeted history is read in parallel, each tenant as its own role; nothing is decided from the cache
        Map<String, TenantInspection> inspections =
                inspector.inspect(targeted.stream().map(TenantAccess::of).toList(), spec.targetTag()).stream()
                        .collect(Collectors.toMap(TenantInspection::slug, Function.identity()));
        TargetDecision decision = new TargetDecision(changelog.get(), spec.targetTag());
        List<Target> all = new ArrayList<>();
        for (Tenant tenant : candidates) {
            all.add(
                    spec.statuses().contains(tenant.status)
                            ? decision.of(tenant, inspections.get(tenant.slug))
                            : Target.notTargeted(tenant));
        }
        return new Targets(all);
    }

    /** The changesets between the lowest head of the migrated tenants and the target, checked against the policy. */
    private void checkChangeSets(UUID releaseId, ReleaseSpec spec, List<Target> migrate) {
        if (migrate.isEmpty()) {
            return;
        }
        // rank -1: a database with no tag yet (an adopted empty one): everything from the start is in range
        int lowest = migrate.stream()
                .mapToInt(target -> changelog.rank(target.databaseHead()))
                .min()
                .orElse(-1);
        String lowestHead = lowest < 0 ? null : changelog.get().tags().get(lowest);
        // leaves out changesets limited to other databases (dbms), which Liquibase skips on PostgreSQL
        List<ChangeSetInfo> range = changelog.get().between(lowestHead, spec.targetTag());
        List<String> cannotSucceed = range.stream()
                .flatMap(changeSet -> changeSet.warnings().stream())
                .filter(warning -> warning.kind().blocking())
                .map(warning -> warning.changeSet() + ": " + warning.message())
                .distinct()
                .toList();
        refuseIf(!cannotSucceed.isEmpty(), releaseId, "these changesets cannot succeed as written: " + cannotSucceed);
        if (spec.failurePolicy() == FailurePolicy.ROLLBACK) {
            List<String> withoutRollback = keys(range.stream()
                    .filter(changeSet -> !changeSet.rollbackSupported())
                    .toList());
            refuseIf(
                    !withoutRollback.isEmpty(),
                    releaseId,
                    "policy ROLLBACK, but these changesets cannot be rolled back: " + withoutRollback);
        }
        List<String> nonTransactional = keys(range.stream()
                .filter(changeSet -> !changeSet.runInTransaction())
                .toList());
        refuseIf(
                !nonTransactional.isEmpty() && !spec.allowNonTransactional(),
                releaseId,
                "these changesets cannot run inside the tenant's transaction (runInTransaction=false), so a failure could "
                        + "leave a tenant half-migrated: " + nonTransactional
                        + "; allow them explicitly with allowNonTransactional");
    }

    private static List<String> keys(List<ChangeSetInfo> changeSets) {
        return changeSets.stream().map(ChangeSetInfo::key).collect(Collectors.toList());
    }

    private static void refuseIf(boolean refused, UUID releaseId, String reason) {
        if (refused) {
            throw new ReleaseRefusedException(releaseId, reason);
        }
    }
}
