package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fleet release: every state the orchestrator needs lives here and in {@link ReleaseTenant}, so restarts lose nothing.
 * Its status changes only through the transitions below, each writing its release-log line to a {@link ReleaseJournal}.
 */
@Entity
@Table(name = "release")
public class Release extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "target_tag")
    public String targetTag;

    @Column(name = "changelog_digest")
    public String changelogDigest;

    @Enumerated(EnumType.STRING)
    public ReleaseStatus status;

    public String reason;

    /** The spec as JSON; read through {@link #spec()}. */
    @Column(name = "spec")
    public String specJson;

    @Column(name = "requested_by")
    public String requestedBy;

    public int cohorts;

    @Column(name = "current_cohort")
    public int currentCohort;

    @Column(name = "paused_until")
    public Instant pausedUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** When the release began to roll back (by policy or on request); null when it never did. */
    @Column(name = "rollback_started_at")
    public Instant rollbackStartedAt;

    @Version
    public long version;

    /** The release's parameters. */
    public ReleaseSpec spec() {
        return ReleaseJson.read(specJson, ReleaseSpec.class);
    }

    /** A cohort failed over its budget: tenants in flight finish, none start. */
    void halting(String why, ReleaseJournal journal, Instant now) {
        status = ReleaseStatus.HALTING;
        reason = why;
        journal.release(id, "HALTING", why, now);
    }

    /** Nothing is in flight any more after a halt and the policy is ROLLBACK. */
    void rollingBack(ReleaseJournal journal, Instant now) {
        status = ReleaseStatus.ROLLING_BACK;
        rollbackStartedAt = now;
        journal.release(id, "ROLLING_BACK", reason, now);
    }

    /** The current cohort settled: the next starts, after a pause when the spec asks for one. */
    void nextCohort(int pauseSeconds, ReleaseJournal journal, Instant now) {
        currentCohort++;
        journal.release(id, "COHORT_STARTED", "cohort " + (currentCohort + 1) + "/" + cohorts, now);
        if (pauseSeconds > 0) {
            status = ReleaseStatus.PAUSED;
            pausedUntil = now.plusSeconds(pauseSeconds);
        }
    }

    /** Ends the pause between cohorts once it is over. */
    void endPauseIfOver(Instant now) {
        if (pausedUntil == null || !now.isBefore(pausedUntil)) {
            status = ReleaseStatus.RUNNING;
            pausedUntil = null;
        }
    }

    /** Moves to a terminal status with its reason, and logs it. */
    void finished(ReleaseStatus terminal, String why, ReleaseJournal journal, Instant now) {
        finish(terminal, why, now);
        journal.release(id, terminal.name(), why, now);
    }

    /**
     * A HALTED or FAILED release runs again: its failed tenants are retried, and it goes on from the first cohort that
     * has tenants to migrate.
     */
    void resumed(List<ReleaseTenant> tenants, String actor, ReleaseJournal journal, Instant now) {
        List<ReleaseTenant> retried = TenantLists.only(tenants, TenantReleaseState.FAILED);
        retried.forEach(ReleaseTenant::retried);
        status = ReleaseStatus.RUNNING;
        reason = null;
        finishedAt = null;
        currentCohort = TenantLists.only(tenants, TenantReleaseState.PENDING).stream()
                .mapToInt(tenant -> tenant.cohort)
                .min()
                .orElse(currentCohort);
        journal.release(id, "RESUMED", "by " + actor + ", " + retried.size() + " failed tenants retried", now);
    }

    /** An operator asked to undo a finished release. */
    void rollbackRequested(String actor, ReleaseJournal journal, Instant now) {
        status = ReleaseStatus.ROLLING_BACK;
        reason = "rollback requested by " + actor;
        finishedAt = null;
        rollbackStartedAt = now;
        journal.release(id, "ROLLBACK_REQUESTED", "by " + actor, now);
    }

    /** Moves to a terminal status with its reason. */
    void finish(ReleaseStatus terminal, String why, Instant now) {
        status = terminal;
        reason = why;
        finishedAt = now;
    }
}
