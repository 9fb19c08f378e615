package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.model.migration.TenantRollbackFailed;
import dev.tenantfleet.model.migration.TenantRolledBack;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.tenant.TenantSchemaChanged;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.service.messaging.ProcessedMessage;
import dev.tenantfleet.service.outbox.Outbox;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies a worker's result to its release tenant, idempotently: the message id is recorded in the same transaction,
 * and only the first result of the command the tenant waits for counts (a redelivered command's second result, or
 * a result that arrives after the tenant was failed as overdue, changes nothing). Records what the release applied,
 * which is what a rollback later undoes, updates the registry's schema head and announces schema-changed.
 */
@ApplicationScoped
public class ReleaseResultHandler {
    static final String CONSUMER = "tenant-service.release";
    private static final Logger LOG = Logger.getLogger(ReleaseResultHandler.class);

    private final ReleaseAnnouncer announcer;
    private final Outbox outbox;
    private final EntityManager entityManager;

    ReleaseResultHandler(ReleaseAnnouncer announcer, Outbox outbox, EntityManager entityManager) {
        this.announcer = announcer;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /**
     * @return the release the result moved (the caller then advances it), or null when it changed nothing
     */
    @Transactional
    public java.util.UUID apply(String messageId, MigrationResult result) {
        if (!ProcessedMessage.markProcessed(messageId, CONSUMER)) {
            return null;
        }
        // The command id identifies the dispatch; the release id in the result is informative only.
        ReleaseTenant found = ReleaseTenant.find("commandId", result.commandId()).firstResult();
        if (found == null) {
            return null;
        }
        // Lock order: release row first, like the orchestrator, so the two never interleave on one release.
        Release.findById(found.releaseId, LockModeType.PESSIMISTIC_WRITE);
        ReleaseTenant tenant = ReleaseTenant.findById(new ReleaseTenantId(found.releaseId, found.tenantId));
        entityManager.refresh(tenant);
        boolean awaited = result.commandId().equals(tenant.commandId)
                && (tenant.state == TenantReleaseState.MIGRATING || tenant.state == TenantReleaseState.ROLLING_BACK);
        if (!awaited) {
            LOG.debugf("Ignoring result %s for %s: not the command it waits for", messageId, result.slug());
            return null;
        }
        String headBefore = Tenant.<Tenant>findById(tenant.tenantId).schemaHead;
        if (result instanceof TenantMigrated migrated) {
            settle(tenant, TenantReleaseState.MIGRATED, migrated.headAfter(), migrated.durationMillis());
            recordApplied(tenant, migrated.appliedChangeSets());
        } else if (result instanceof TenantMigrationFailed failed) {
            settle(tenant, TenantReleaseState.FAILED, failed.headAfter(), failed.durationMillis());
            tenant.errorJson = ReleaseJson.write(failed.error());
            recordApplied(tenant, failed.appliedChangeSets());
        } else if (result instanceof TenantRolledBack rolledBack) {
            settle(tenant, TenantReleaseState.ROLLED_BACK, rolledBack.headAfter(), rolledBack.durationMillis());
        } else if (result instanceof TenantRollbackFailed rollbackFailed) {
            settle(tenant, TenantReleaseState.ROLLBACK_FAILED, rollbackFailed.headAfter(), rollbackFailed.durationMillis());
            tenant.errorJson = ReleaseJson.write(rollbackFailed.error());
        }
        ReleaseLogEntry.append(tenant.releaseId, tenant.tenantId, tenant.slug, tenant.state.name(), details(result));
        moveSchemaHead(tenant, headBefore, result);
        announcer.tenantUpdated(tenant);
        try (TenantLogContext log = TenantLogContext.of(tenant.releaseId, tenant.slug)) {
            LOG.infof("Tenant %s: %s, head %s, %d ms on the worker", tenant.slug, tenant.state, tenant.headAfter,
                    result.durationMillis());
        }
        return tenant.releaseId;
    }

    private static void settle(ReleaseTenant tenant, TenantReleaseState state, String headAfter, long durationMillis) {
        tenant.state = state;
        if (headAfter != null) {
            tenant.headAfter = headAfter;
        }
        tenant.durationMillis = durationMillis;
        tenant.finishedAt = Instant.now();
    }

    /** The release log a rollback relies on: exactly what this release applied to this tenant, in order. */
    private void recordApplied(ReleaseTenant tenant, List<String> applied) {
        if (applied.isEmpty()) {
            return;
        }
        tenant.appliedJson = ReleaseJson.write(applied);
        tenant.migratedSeq = ((Number) entityManager.createNativeQuery("SELECT nextval('release_migrated_seq')")
                .getSingleResult()).longValue();
    }

    private void moveSchemaHead(ReleaseTenant releaseTenant, String headBefore, MigrationResult result) {
        String headAfter = result.headAfter();
        if (headAfter == null || headAfter.equals(headBefore)) {
            return;
        }
        Tenant tenant = Tenant.findById(releaseTenant.tenantId);
        tenant.schemaHead = headAfter;
        tenant.updatedAt = Instant.now();
        outbox.add(new TenantSchemaChanged(tenant.id, tenant.slug, headBefore, headAfter, releaseTenant.releaseId));
    }

    private static String details(MigrationResult result) {
        return result.type().replace("tenantfleet.migration.", "") + ": " + result.appliedChangeSets().size()
                + " changesets " + result.appliedChangeSets() + ", head now " + result.headAfter() + ", "
                + result.durationMillis() + " ms";
    }
}
