package dev.tenantfleet.service.release;

import dev.tenantfleet.changelog.ChangeSetInfo;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.model.release.FailurePolicy;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides, before anything is touched, whether a release may start and which tenants it migrates. Refuses a
 * second concurrent release, an unknown target (or a changelog without tags), another changelog, unknown slugs,
 * tenants at tags the changelog does not know, changesets that cannot succeed as written (a function body Liquibase
 * would split), a ROLLBACK policy over changesets without rollback, and non-transactional changesets unless
 * explicitly allowed.
 */
@ApplicationScoped
class ReleasePreflight {
    private final ReleaseChangelog changelog;

    ReleasePreflight(ReleaseChangelog changelog) {
        this.changelog = changelog;
    }

    /** A tenant the release covers; {@code skipReason} is null when it will be migrated. */
    record Target(Tenant tenant, String skipReason) {
    }

    /** Everything a release covers, in slug order. */
    record Targets(List<Target> migrate, List<Target> skip) {
    }

    Targets check(UUID releaseId, ReleaseSpec spec) {
        TenantChangelog log = changelog.get();
        // Also a changelog without any tagDatabase changeset (a team's own, say): the reason says how to add tags.
        String notATarget = log.whyNotATarget(spec.targetTag());
        refuseIf(notATarget != null, releaseId, "target " + notATarget);
        Release inProgress = Release.<Release>find("status not in ?1", terminalStatuses()).firstResult();
        refuseIf(inProgress != null, releaseId, "release " + (inProgress == null ? "" : inProgress.id)
                + " is still in progress; one release at a time");
        refuseIf(spec.changelogDigest() != null && !spec.changelogDigest().equals(log.digest()), releaseId,
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
        refuseIf(!unknown.isEmpty(), releaseId, "unknown tenants in --only: " + unknown.stream().sorted().toList());
        int target = changelog.rank(spec.targetTag());
        List<Target> migrate = new ArrayList<>();
        List<Target> skip = new ArrayList<>();
        for (Tenant tenant : candidates) {
            int head = changelog.rank(tenant.schemaHead);
            refuseIf(head == Integer.MIN_VALUE, releaseId, "tenant " + tenant.slug + " is at '" + tenant.schemaHead
                    + "', a tag the changelog does not know (drift); fix or exclude it with --only");
            if (!spec.statuses().contains(tenant.status)) {
                skip.add(new Target(tenant, "status " + tenant.status + " is not targeted"));
            } else if (head >= target) {
                skip.add(new Target(tenant, "already at " + tenant.schemaHead));
            } else {
                migrate.add(new Target(tenant, null));
            }
        }
        return new Targets(migrate, skip);
    }

    /** The changesets between the lowest head of the migrated tenants and the target, checked against the policy. */
    private void checkChangeSets(UUID releaseId, ReleaseSpec spec, List<Target> migrate) {
        if (migrate.isEmpty()) {
            return;
        }
        String lowestHead = migrate.stream().map(target -> target.tenant().schemaHead)
                .min(Comparator.comparingInt(changelog::rank)).orElse(null);
        // leaves out changesets limited to other databases (dbms), which Liquibase skips on PostgreSQL
        List<ChangeSetInfo> range = changelog.get().between(lowestHead, spec.targetTag());
        List<String> cannotSucceed = range.stream().flatMap(changeSet -> changeSet.warnings().stream())
                .filter(warning -> warning.kind().blocking())
                .map(warning -> warning.changeSet() + ": " + warning.message()).distinct().toList();
        refuseIf(!cannotSucceed.isEmpty(), releaseId, "these changesets cannot succeed as written: " + cannotSucceed);
        if (spec.failurePolicy() == FailurePolicy.ROLLBACK) {
            List<String> withoutRollback = keys(range.stream().filter(changeSet -> !changeSet.rollbackSupported()).toList());
            refuseIf(!withoutRollback.isEmpty(), releaseId, "policy ROLLBACK, but these changesets cannot be rolled back: "
                    + withoutRollback);
        }
        List<String> nonTransactional = keys(range.stream().filter(changeSet -> !changeSet.runInTransaction()).toList());
        refuseIf(!nonTransactional.isEmpty() && !spec.allowNonTransactional(), releaseId,
                "these changesets cannot run inside the tenant's transaction (runInTransaction=false), so a failure could "
                        + "leave a tenant half-migrated: " + nonTransactional + "; allow them explicitly with allowNonTransactional");
    }

    private static List<String> keys(List<ChangeSetInfo> changeSets) {
        return changeSets.stream().map(ChangeSetInfo::key).collect(Collectors.toList());
    }

    static List<ReleaseStatus> terminalStatuses() {
        return java.util.Arrays.stream(ReleaseStatus.values()).filter(ReleaseStatus::terminal).toList();
    }

    private static void refuseIf(boolean refused, UUID releaseId, String reason) {
        if (refused) {
            throw new ReleaseRefusedException(releaseId, reason);
        }
    }
}
