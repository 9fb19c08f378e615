package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.model.tenant.TenantSchemaChanged;
import dev.tenantfleet.service.messaging.ProcessedMessage;
import dev.tenantfleet.service.outbox.Outbox;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
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
    public UUID apply(String messageId, MigrationResult result) {
        if (!ProcessedMessage.markProcessed(messageId, CONSUMER)) {
            return null;
        }
        // The command id identifies the dispatch; the release id in the result is informative only.
        ReleaseTenant found =
                ReleaseTenant.find("commandId", result.commandId()).firstResult();
        if (found == null) {
            return null;
        }
        // Lock order: release row first, like the orchestrator, so the two never interleave on one release.
        Release release = Release.findById(found.releaseId, LockModeType.PESSIMISTIC_WRITE);
        ReleaseTenant tenant = ReleaseTenant.findById(new ReleaseTenantId(found.releaseId, found.tenantId));
        entityManager.refresh(tenant);
        String headBefore = Tenant.<Tenant>findById(tenant.tenantId).schemaHead;
        ReleaseJournal journal = new ReleaseJournal();
        Optional<ReleaseTenantUpdated> settled =
                ResultRule.apply(release, tenant, result, Instant.now(), this::nextMigratedSeq, journal);
        if (settled.isEmpty()) {
            LOG.debugf("Ignoring result %s for %s: not the command it waits for", messageId, result.slug());
            return null;
        }
        ReleaseLogEntry.appendAll(journal);
        moveSchemaHead(tenant, headBefore, result);
        announcer.announce(settled.get());
        return tenant.releaseId;
    }

    /** Numbers what each tenant's migration applied, in the order the results came: rollbacks go newest first. */
    private long nextMigratedSeq() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT nextval('release_migrated_seq')")
                        .getSingleResult())
                .longValue();
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
}
