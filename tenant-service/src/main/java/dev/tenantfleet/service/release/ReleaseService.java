package dev.tenantfleet.service.release;

import dev.tenantfleet.model.error.ReleaseErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.observability.TenantLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Creates, resumes and rolls back releases. The orchestrator drives them from there. */
@ApplicationScoped
public class ReleaseService {
    private static final Logger LOG = Logger.getLogger(ReleaseService.class);

    private final ReleasePreflight preflight;
    private final ReleaseChangelog changelog;
    private final ReleaseAnnouncer announcer;

    ReleaseService(ReleasePreflight preflight, ReleaseChangelog changelog, ReleaseAnnouncer announcer) {
        this.preflight = preflight;
        this.changelog = changelog;
        this.announcer = announcer;
    }

    /**
     * Starts release {@code releaseId}, or returns it unchanged if it exists (a redelivered command). A refused
     * release is recorded as REFUSED with the reason and announced; nothing else is touched.
     */
    @Transactional
    public Release start(UUID releaseId, ReleaseSpec spec, String requestedBy) {
        try (TenantLogContext log = TenantLogContext.release(releaseId)) {
            return create(releaseId, spec, requestedBy);
        }
    }

    private Release create(UUID releaseId, ReleaseSpec spec, String requestedBy) {
        Release existing = Release.findById(releaseId);
        if (existing != null) {
            return existing;
        }
        Release release = new Release();
        release.id = releaseId;
        release.targetTag = spec.targetTag();
        release.changelogDigest = changelog.get().digest();
        release.specJson = ReleaseJson.write(spec);
        release.requestedBy = requestedBy;
        release.createdAt = Instant.now();
        ReleasePreflight.Targets targets;
        try {
            targets = preflight.check(releaseId, spec);
        } catch (ReleaseRefusedException refused) {
            release.cohorts = 0;
            release.finish(ReleaseStatus.REFUSED, refused.getMessage());
            release.persist();
            ReleaseLogEntry.append(releaseId, null, null, "REFUSED", refused.getMessage());
            announcer.completed(release, List.of());
            LOG.warnf("Release %s to %s refused: %s", releaseId, spec.targetTag(), refused.getMessage());
            return release;
        }
        List<List<String>> cohorts = CohortPlanner.plan(spec, targets.migrate().stream().map(t -> t.tenant().slug).toList());
        release.status = ReleaseStatus.RUNNING;
        release.cohorts = cohorts.size();
        release.startedAt = release.createdAt;
        release.persist();
        int position = 0;
        for (int cohort = 0; cohort < cohorts.size(); cohort++) {
            for (String slug : cohorts.get(cohort)) {
                ReleasePreflight.Target target = targets.migrate().stream()
                        .filter(candidate -> candidate.tenant().slug.equals(slug)).findFirst().orElseThrow();
                add(release, target, cohort, position++, TenantReleaseState.PENDING);
            }
        }
        for (ReleasePreflight.Target skipped : targets.skip()) {
            // cohort -1: in no cohort, so it never counts towards a cohort's size or failure budget
            add(release, skipped, -1, position++, TenantReleaseState.SKIPPED);
        }
        ReleaseLogEntry.append(releaseId, null, null, "STARTED", "target " + spec.targetTag() + ", " + targets.migrate().size()
                + " tenants to migrate in " + cohorts.size() + " cohorts, " + targets.skip().size() + " skipped, by " + requestedBy);
        LOG.infof("Release %s to %s started by %s: %d tenants in %d cohorts, %d skipped", releaseId, spec.targetTag(),
                requestedBy, targets.migrate().size(), cohorts.size(), targets.skip().size());
        return release;
    }

    private static void add(Release release, ReleasePreflight.Target target, int cohort, int position,
            TenantReleaseState state) {
        ReleaseTenant tenant = new ReleaseTenant();
        tenant.releaseId = release.id;
        tenant.tenantId = target.tenant().id;
        tenant.slug = target.tenant().slug;
        tenant.serverId = target.tenant().server.id;
        tenant.cohort = cohort;
        tenant.position = position;
        tenant.state = state;
        tenant.headBefore = target.tenant().schemaHead;
        if (state == TenantReleaseState.SKIPPED) {
            tenant.headAfter = target.tenant().schemaHead;
            tenant.finishedAt = Instant.now();
            ReleaseLogEntry.append(release.id, tenant.tenantId, tenant.slug, "SKIPPED", target.skipReason());
        }
        tenant.persist();
    }

    /** Resumes a HALTED or FAILED release: its failed and not yet started tenants are migrated (again). */
    @Transactional
    public Release resume(UUID releaseId, String actor) {
        Release release = get(releaseId);
        if (release.status != ReleaseStatus.HALTED && release.status != ReleaseStatus.FAILED) {
            throw new TenantFleetException(ReleaseErrorCode.RELEASE_NOT_RESUMABLE, "release " + releaseId + " is "
                    + release.status + "; only HALTED or FAILED releases can be resumed");
        }
        List<ReleaseTenant> retried = ReleaseTenant.list("releaseId = ?1 and state = ?2", releaseId, TenantReleaseState.FAILED);
        retried.forEach(tenant -> tenant.state = TenantReleaseState.PENDING);
        release.status = ReleaseStatus.RUNNING;
        release.reason = null;
        release.finishedAt = null;
        release.currentCohort = ReleaseTenant.<ReleaseTenant>find("releaseId = ?1 and state = ?2 order by cohort", releaseId,
                TenantReleaseState.PENDING).firstResultOptional().map(tenant -> tenant.cohort).orElse(release.currentCohort);
        ReleaseLogEntry.append(releaseId, null, null, "RESUMED", "by " + actor + ", " + retried.size() + " failed tenants retried");
        return release;
    }

    /** Rolls back every tenant a finished release migrated, newest first, using its own log of what it applied. */
    @Transactional
    public Release rollback(UUID releaseId, String actor) {
        Release release = get(releaseId);
        if (!release.status.terminal() || release.status == ReleaseStatus.REFUSED
                || release.status == ReleaseStatus.ROLLED_BACK) {
            throw new TenantFleetException(ReleaseErrorCode.RELEASE_NOT_RESUMABLE, "release " + releaseId + " is "
                    + release.status + "; only COMPLETED, FAILED or HALTED releases can be rolled back");
        }
        release.status = ReleaseStatus.ROLLING_BACK;
        release.reason = "rollback requested by " + actor;
        release.finishedAt = null;
        ReleaseLogEntry.append(releaseId, null, null, "ROLLBACK_REQUESTED", "by " + actor);
        return release;
    }

    /** The release, or RELEASE_NOT_FOUND. */
    public Release get(UUID releaseId) {
        Release release = Release.findById(releaseId);
        if (release == null) {
            throw new TenantFleetException(ReleaseErrorCode.RELEASE_NOT_FOUND, "no release " + releaseId);
        }
        return release;
    }
}
