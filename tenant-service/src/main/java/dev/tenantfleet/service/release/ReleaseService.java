package dev.tenantfleet.service.release;

import dev.tenantfleet.model.error.ReleaseErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.service.changelog.ReleaseChangelog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
     * Starts release {@code releaseId}, or returns it unchanged if it exists (a redelivered command, the same request
     * sent twice). A refused release is recorded as REFUSED with the reason and announced; nothing else is touched.
     * Starts are serialised ({@link ReleaseStartLock}), so "one release at a time" holds when two arrive together.
     */
    @Transactional
    public Release start(UUID releaseId, ReleaseSpec spec, String requestedBy) {
        try (TenantLogContext log = TenantLogContext.release(releaseId)) {
            ReleaseStartLock.acquire();
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
        release.targetTag = RecordedSpec.targetTag(spec);
        release.changelogDigest = changelog.get().digest();
        release.specJson = ReleaseJson.write(spec);
        release.requestedBy = RecordedSpec.bounded(requestedBy, RecordedSpec.MAX_REQUESTED_BY);
        release.createdAt = Instant.now();
        Targets targets;
        try {
            targets = preflight.check(releaseId, spec);
        } catch (ReleaseRefusedException refused) {
            release.specJson = RecordedSpec.json(spec); // kept whole only when a running release needs it
            return refuse(release, refused.getMessage());
        }
        // Tenants failed by the preflight take their place in the cohorts: the failure budget judges them like any
        // other failure, and a resume after the cause is fixed dispatches them.
        List<Target> inCohorts = targets.all().stream()
                .filter(target -> target.outcome() == Target.Outcome.MIGRATE || target.outcome() == Target.Outcome.FAIL)
                .toList();
        List<List<String>> cohorts = CohortPlanner.plan(
                spec, inCohorts.stream().map(t -> t.tenant().slug).toList());
        release.status = ReleaseStatus.RUNNING;
        release.cohorts = cohorts.size();
        release.startedAt = release.createdAt;
        release.persist();
        Map<String, Target> bySlug = targets.all().stream().collect(Collectors.toMap(t -> t.tenant().slug, t -> t));
        int position = 0;
        for (int cohort = 0; cohort < cohorts.size(); cohort++) {
            for (String slug : cohorts.get(cohort)) {
                announceIfSettled(ReleaseTenants.add(release, bySlug.get(slug), cohort, position++));
            }
        }
        for (Target settled : targets.settled()) {
            if (settled.outcome() != Target.Outcome.FAIL) {
                // cohort -1: in no cohort, so it never counts towards a cohort's size or failure budget
                announceIfSettled(ReleaseTenants.add(release, settled, -1, position++));
            }
        }
        String summary = targets.migrate().size() + " tenants to migrate in " + cohorts.size() + " cohorts, "
                + targets.count(Target.Outcome.SKIP) + " skipped, " + targets.count(Target.Outcome.AHEAD) + " ahead, "
                + targets.count(Target.Outcome.FAIL) + " failed at preflight";
        ReleaseLogEntry.append(
                releaseId,
                null,
                null,
                "STARTED",
                "target " + spec.targetTag() + ", " + summary + ", by " + requestedBy);
        LOG.infof("Release %s to %s started by %s: %s", releaseId, spec.targetTag(), requestedBy, summary);
        return release;
    }

    /** Failed and ahead tenants are news for whoever follows the release (skipped ones are not: a no-op stays quiet). */
    private void announceIfSettled(ReleaseTenant tenant) {
        if (tenant.state == TenantReleaseState.FAILED || tenant.state == TenantReleaseState.AHEAD) {
            announcer.announce(tenant.updated());
        }
    }

    /**
     * Records release {@code releaseId} as REFUSED with {@code reason} and announces it, unless it exists already: also
     * what happens to a release command tenant-service cannot process at all, so a deploy job waiting on it learns why.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Release refuse(UUID releaseId, ReleaseSpec spec, String requestedBy, String reason) {
        ReleaseStartLock.acquire();
        Release existing = Release.findById(releaseId);
        if (existing != null) {
            return existing;
        }
        Release release = new Release();
        release.id = releaseId;
        release.targetTag = RecordedSpec.targetTag(spec);
        release.changelogDigest = changelog.get().digest();
        release.specJson = RecordedSpec.json(spec);
        release.requestedBy =
                requestedBy == null ? "unknown" : RecordedSpec.bounded(requestedBy, RecordedSpec.MAX_REQUESTED_BY);
        release.createdAt = Instant.now();
        return refuse(release, reason);
    }

    private Release refuse(Release release, String fullReason) {
        String reason = RecordedSpec.bounded(fullReason, RecordedSpec.MAX_REASON);
        release.cohorts = 0;
        ReleaseJournal journal = new ReleaseJournal();
        release.finished(ReleaseStatus.REFUSED, reason, journal, Instant.now());
        release.persist();
        ReleaseLogEntry.appendAll(journal);
        announcer.announce(ReleaseEvents.completed(release, List.of()));
        LOG.warnf("Release %s to %s refused: %s", release.id, release.targetTag, reason);
        return release;
    }

    /** Resumes a HALTED or FAILED release: its failed and not yet started tenants are migrated (again). */
    @Transactional
    public Release resume(UUID releaseId, String actor) {
        Release release = lockedWhileNoOtherRuns(releaseId);
        if (release.status != ReleaseStatus.HALTED && release.status != ReleaseStatus.FAILED) {
            throw new TenantFleetException(
                    ReleaseErrorCode.RELEASE_NOT_RESUMABLE,
                    "release " + releaseId + " is " + release.status
                            + "; only HALTED or FAILED releases can be resumed");
        }
        ReleaseJournal journal = new ReleaseJournal();
        release.resumed(ReleaseTenant.of(releaseId), actor, journal, Instant.now());
        ReleaseLogEntry.appendAll(journal);
        return release;
    }

    /** Rolls back every tenant a finished release migrated, newest first, using its own log of what it applied. */
    @Transactional
    public Release rollback(UUID releaseId, String actor) {
        Release release = lockedWhileNoOtherRuns(releaseId);
        if (!release.status.terminal()
                || release.status == ReleaseStatus.REFUSED
                || release.status == ReleaseStatus.ROLLED_BACK) {
            throw new TenantFleetException(
                    ReleaseErrorCode.RELEASE_NOT_RESUMABLE,
                    "release " + releaseId + " is " + release.status
                            + "; only COMPLETED, FAILED or HALTED releases can be rolled back");
        }
        ReleaseJournal journal = new ReleaseJournal();
        release.rollbackRequested(actor, journal, Instant.now());
        ReleaseLogEntry.appendAll(journal);
        return release;
    }

    /**
     * The release under its row lock, after the start lock: a resume or rollback sets a release running again, so "one
     * release at a time" holds for it as for a start (RELEASE_IN_PROGRESS while another release is unfinished).
     */
    private static Release lockedWhileNoOtherRuns(UUID releaseId) {
        ReleaseStartLock.acquire();
        Release release = locked(releaseId);
        Release other = Release.<Release>find(
                        "status not in ?1 and id <> ?2", ReleaseStatus.terminalStatuses(), releaseId)
                .firstResult();
        if (other != null) {
            throw new TenantFleetException(
                    ReleaseErrorCode.RELEASE_IN_PROGRESS,
                    "release " + other.id + " to " + other.targetTag + " is " + other.status
                            + "; one release at a time");
        }
        return release;
    }

    /**
     * The release under its row lock, as the orchestrator and the result handler take it: a resume or rollback waits for
     * whichever of them (or of another operator's resume or rollback) holds it, then decides on the status that one
     * left, so the loser of a race is RELEASE_NOT_RESUMABLE and never an optimistic-lock failure at commit.
     */
    private static Release locked(UUID releaseId) {
        Release release = Release.findById(releaseId, LockModeType.PESSIMISTIC_WRITE);
        if (release == null) {
            throw new TenantFleetException(ReleaseErrorCode.RELEASE_NOT_FOUND, "no release " + releaseId);
        }
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
