package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.audit.AuditAction;
import dev.tenantfleet.service.audit.AuditLog;
import dev.tenantfleet.service.messaging.ProcessedMessage;
import dev.tenantfleet.service.security.Actor;
import dev.tenantfleet.service.tenant.ProvisioningStep;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Applies a migration result to the tenant waiting for it. Idempotent: the message id is recorded in the
 * same transaction as the effect, and a result that does not answer the tenant's current provisioning
 * command (a late duplicate, a superseded attempt) changes nothing.
 */
@ApplicationScoped
public class ProvisioningResultHandler {
    static final String CONSUMER = "tenant-service.provisioning";
    private static final Logger LOG = Logger.getLogger(ProvisioningResultHandler.class);

    private final ProvisioningTransitions transitions;
    private final AuditLog audit;

    ProvisioningResultHandler(ProvisioningTransitions transitions, AuditLog audit) {
        this.transitions = transitions;
        this.audit = audit;
    }

    /**
     * Applies {@code result} in one transaction with the record of {@code messageId}.
     *
     * @return whether the tenant's provisioning can continue (the caller resumes it after the commit)
     */
    @Transactional
    public boolean apply(String messageId, MigrationResult result) {
        if (result.purpose() != MigrationPurpose.PROVISIONING || !ProcessedMessage.markProcessed(messageId, CONSUMER)) {
            return false;
        }
        Tenant tenant = Tenant.findById(result.tenantId());
        // Only the first result of the awaited command counts: a redelivered command yields another result
        // (with another message id, possibly another outcome) that must not undo or repeat the first.
        if (tenant == null
                || tenant.status != TenantStatus.PROVISIONING
                || tenant.provisioningStep != ProvisioningStep.AWAIT_MIGRATION
                || !result.commandId().equals(tenant.provisioningCommandId)) {
            LOG.infof(
                    "Ignoring migration result %s for tenant %s: not the command it waits for",
                    messageId, result.slug());
            return false;
        }
        if (result instanceof TenantMigrated migrated) {
            tenant.schemaHead = migrated.headAfter();
            tenant.provisioningStep = ProvisioningStep.LOAD_LOOKUP_DATA;
            tenant.updatedAt = Instant.now();
            audit.record(
                    tenant.id,
                    Actor.SYSTEM,
                    AuditAction.PROVISIONING_STEP_COMPLETED,
                    null,
                    null,
                    null,
                    "AWAIT_MIGRATION: " + migrated.appliedChangeSets().size() + " changesets applied, head "
                            + migrated.headAfter() + " in " + migrated.durationMillis() + " ms");
            return true;
        }
        TenantMigrationFailed failed = (TenantMigrationFailed) result;
        transitions.fail(
                tenant.id,
                ProvisioningStep.AWAIT_MIGRATION,
                TenantErrorCode.MIGRATION_FAILED,
                "migration failed (" + failed.error().code() + "): "
                        + failed.error().message()
                        + (failed.error().changeSet() == null
                                ? ""
                                : " in changeset " + failed.error().changeSet()));
        return false;
    }
}
