package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.model.migration.TenantRollbackFailed;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.tenant.TenantStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * One tenant within one release: its cohort, state, heads, and exactly what the release applied to it. Its state
 * changes only through the transitions below; each writes its release-log line (to a {@link ReleaseJournal}) and its
 * log line, and returns the event that announces it. None touches the database, so unit tests drive them directly.
 */
@Entity
@Table(name = "release_tenant")
@IdClass(ReleaseTenantId.class)
public class ReleaseTenant extends PanacheEntityBase {
    private static final Logger LOG = Logger.getLogger(ReleaseTenant.class);

    @Id
    @Column(name = "release_id")
    public UUID releaseId;

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    public String slug;

    @Column(name = "server_id")
    public UUID serverId;

    public int cohort;

    /** Order within the release (cohort by cohort), used to pick the next tenant. */
    public int position;

    @Enumerated(EnumType.STRING)
    public TenantReleaseState state;

    @Column(name = "head_before")
    public String headBefore;

    @Column(name = "head_after")
    public String headAfter;

    /** The status the read-only gate put aside and must restore; null when the tenant is not gated. */
    @Enumerated(EnumType.STRING)
    @Column(name = "gated_from")
    public TenantStatus gatedFrom;

    @Column(name = "command_id")
    public UUID commandId;

    public int attempts;

    @Column(name = "applied_changesets")
    public String appliedJson;

    @Column(name = "migrated_seq")
    public Long migratedSeq;

    @Column(name = "error")
    public String errorJson;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "duration_ms")
    public Long durationMillis;

    /** What the release applied to this tenant, in order. */
    public List<String> applied() {
        return appliedJson == null ? List.of() : List.of(ReleaseJson.read(appliedJson, String[].class));
    }

    /** The failure, if any. */
    public MigrationError error() {
        return errorJson == null ? null : ReleaseJson.read(errorJson, MigrationError.class);
    }

    /** A migrate (PENDING to MIGRATING) or rollback (to ROLLING_BACK) command {@code commandId} was sent. */
    ReleaseTenantUpdated dispatched(UUID commandId, TenantReleaseState inFlight, Instant now, ReleaseJournal journal) {
        this.commandId = commandId;
        state = inFlight;
        attempts++;
        dispatchedAt = now;
        errorJson = null;
        journal.tenant(this, state.name(), "command " + commandId + ", attempt " + attempts, now);
        log(state + ", command " + commandId + " queued (attempt " + attempts + ")");
        return updated();
    }

    /** A tenant whose status stopped being targeted since the start is skipped, never failed: it must not block the deploy. */
    ReleaseTenantUpdated skipped(TenantStatus status, Instant now, ReleaseJournal journal) {
        state = TenantReleaseState.SKIPPED;
        headAfter = headBefore;
        finishedAt = now;
        journal.tenant(this, "SKIPPED", "status " + status + " is not targeted", now);
        log("SKIPPED, status " + status + " is not targeted");
        return updated();
    }

    /** No result came in time: the migration fails, a rollback fails, and a late result no longer counts. */
    ReleaseTenantUpdated overdue(MigrationError error, Instant now, ReleaseJournal journal) {
        errorJson = ReleaseJson.write(error);
        state = state == TenantReleaseState.MIGRATING ? TenantReleaseState.FAILED : TenantReleaseState.ROLLBACK_FAILED;
        finishedAt = now;
        commandId = null;
        journal.tenant(this, state.name(), error.message(), now);
        log(state + ", " + error.message());
        return updated();
    }

    /** Whether {@code result} answers the command this tenant waits for (a second or late result does not). */
    boolean awaits(MigrationResult result) {
        return result.commandId().equals(commandId) && inFlight();
    }

    /**
     * Settles the awaited command with its result, recording what the release applied (what a rollback later undoes,
     * numbered by {@code nextMigratedSeq} so rollbacks go newest first).
     */
    ReleaseTenantUpdated settled(
            MigrationResult result, Instant now, LongSupplier nextMigratedSeq, ReleaseJournal journal) {
        boolean migration = result instanceof TenantMigrated || result instanceof TenantMigrationFailed;
        if (result instanceof TenantMigrationFailed failed) {
            state = TenantReleaseState.FAILED;
            errorJson = ReleaseJson.write(failed.error());
        } else if (result instanceof TenantRollbackFailed failed) {
            state = TenantReleaseState.ROLLBACK_FAILED;
            errorJson = ReleaseJson.write(failed.error());
        } else {
            state = migration ? TenantReleaseState.MIGRATED : TenantReleaseState.ROLLED_BACK;
        }
        headAfter = result.headAfter() != null ? result.headAfter() : headAfter;
        // the broker redelivered the command (a worker died holding it): each delivery that ran is an attempt
        attempts += result.deliveryAttempt() - 1;
        durationMillis = result.durationMillis();
        finishedAt = now;
        if (migration && !result.appliedChangeSets().isEmpty()) {
            appliedJson = ReleaseJson.write(result.appliedChangeSets());
            migratedSeq = nextMigratedSeq.getAsLong();
        }
        journal.tenant(this, state.name(), details(result), now);
        try (TenantLogContext log = TenantLogContext.of(releaseId, slug)) {
            LOG.infof("Tenant %s: %s, head %s, %d ms on the worker", slug, state, headAfter, result.durationMillis());
        }
        return updated();
    }

    /** A failed tenant is tried again when its release is resumed. */
    void retried() {
        state = TenantReleaseState.PENDING;
    }

    /** Migrating or rolling back: a command is out and its result awaited. */
    boolean inFlight() {
        return state == TenantReleaseState.MIGRATING || state == TenantReleaseState.ROLLING_BACK;
    }

    /** Migrated by this release (fully, or partly by a non-transactional failure) and not rolled back yet. */
    boolean needsRollback() {
        return (state == TenantReleaseState.MIGRATED || state == TenantReleaseState.FAILED)
                && !applied().isEmpty();
    }

    /** The event announcing this tenant's current state. */
    ReleaseTenantUpdated updated() {
        return new ReleaseTenantUpdated(
                releaseId, tenantId, slug, cohort, state, headBefore, headAfter, error(), durationMillis);
    }

    private void log(String what) {
        try (TenantLogContext log = TenantLogContext.tenant(slug)) {
            LOG.infof("Tenant %s: %s", slug, what);
        }
    }

    private static String details(MigrationResult result) {
        return result.type().replace("tenantfleet.migration.", "") + ": "
                + result.appliedChangeSets().size()
                + " changesets " + result.appliedChangeSets() + ", head now " + result.headAfter() + ", "
                + result.durationMillis() + " ms"
                + (result.deliveryAttempt() > 1
                        ? ", delivery " + result.deliveryAttempt() + " of command " + result.commandId()
                                + " (redelivered)"
                        : "");
    }

    /** All tenants of a release in position order. */
    public static List<ReleaseTenant> of(UUID releaseId) {
        return list("releaseId = ?1 order by position", releaseId);
    }
}
