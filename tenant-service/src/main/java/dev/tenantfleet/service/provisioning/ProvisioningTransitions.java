package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.model.tenant.TenantProvisioned;
import dev.tenantfleet.model.tenant.TenantProvisioningFailed;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import dev.tenantfleet.service.audit.AuditAction;
import dev.tenantfleet.service.audit.AuditLog;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.outbox.Outbox;
import dev.tenantfleet.service.security.Actor;
import dev.tenantfleet.service.tenant.ProvisioningStep;
import dev.tenantfleet.service.tenant.Tenant;
import dev.tenantfleet.service.tenant.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The short control-DB transactions between provisioning steps: each records progress, its audit row
 * and its event together, so the registry always knows how far a tenant got.
 */
@ApplicationScoped
public class ProvisioningTransitions {
    private final AuditLog audit;
    private final Outbox outbox;
    private final TenantRegistry registry;
    private final TenantFleetConfig config;

    ProvisioningTransitions(AuditLog audit, Outbox outbox, TenantRegistry registry, TenantFleetConfig config) {
        this.audit = audit;
        this.outbox = outbox;
        this.registry = registry;
        this.config = config;
    }

    /** The tenant's provisioning snapshot, empty unless it is PROVISIONING. */
    @Transactional
    Optional<ProvisioningJob> pending(UUID tenantId) {
        Tenant tenant = Tenant.findById(tenantId);
        return tenant == null || tenant.status != TenantStatus.PROVISIONING
                ? Optional.empty()
                : Optional.of(ProvisioningJob.of(tenant));
    }

    /** Records that {@code step} completed; the next step is stored as the one to run. */
    @Transactional
    void completed(UUID tenantId, ProvisioningStep step) {
        Tenant tenant = Tenant.findById(tenantId);
        tenant.provisioningStep = step.next();
        tenant.updatedAt = Instant.now();
        audit.record(tenant.id, Actor.SYSTEM, AuditAction.PROVISIONING_STEP_COMPLETED, null, null, null, step.name());
    }

    /** Queues the migrate-tenant command with the step change, so one is never without the other. */
    @Transactional
    void requestMigration(UUID tenantId) {
        Tenant tenant = Tenant.findById(tenantId);
        UUID commandId = UUID.randomUUID();
        outbox.add(new MigrateTenant(
                commandId,
                tenant.id,
                tenant.slug,
                new TenantConnection(
                        tenant.server.host,
                        tenant.server.port,
                        tenant.databaseName,
                        tenant.roleName,
                        tenant.password()),
                config.provisioning().targetTag().orElse(null),
                null,
                MigrationPurpose.PROVISIONING,
                null,
                null,
                // a brand-new database has nothing to protect: a failed non-transactional step is retried by
                // provisioning
                Boolean.TRUE));
        tenant.provisioningCommandId = commandId;
        tenant.provisioningStep = ProvisioningStep.AWAIT_MIGRATION;
        tenant.updatedAt = Instant.now();
        audit.record(
                tenant.id,
                Actor.SYSTEM,
                AuditAction.PROVISIONING_STEP_COMPLETED,
                null,
                null,
                null,
                ProvisioningStep.MIGRATE.name() + " (command " + commandId + ")");
    }

    /** Marks the tenant ACTIVE at {@code schemaHead}, with its audit row and provisioned event. */
    @Transactional
    void activate(UUID tenantId) {
        Tenant tenant = Tenant.findById(tenantId);
        tenant.moveTo(TenantStatus.ACTIVE);
        tenant.provisioningStep = null;
        tenant.provisioningCommandId = null;
        audit.record(
                tenant.id,
                Actor.SYSTEM,
                AuditAction.PROVISIONED,
                TenantStatus.PROVISIONING,
                TenantStatus.ACTIVE,
                null,
                "schema head " + tenant.schemaHead);
        outbox.add(new TenantProvisioned(
                tenant.id,
                tenant.slug,
                tenant.displayName,
                tenant.server.name,
                tenant.databaseName,
                tenant.schemaHead));
    }

    /**
     * Marks provisioning failed at {@code step} with the reason, visible in the API and audit. The stored
     * step stays the failed one (AWAIT_MIGRATION falls back to MIGRATE) so a retry resumes there.
     */
    @Transactional
    void fail(UUID tenantId, ProvisioningStep step, TenantErrorCode code, String reason) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant == null || tenant.status != TenantStatus.PROVISIONING) {
            return;
        }
        tenant.moveTo(TenantStatus.PROVISIONING_FAILED);
        tenant.provisioningStep = step == ProvisioningStep.AWAIT_MIGRATION ? ProvisioningStep.MIGRATE : step;
        tenant.provisioningCommandId = null;
        tenant.failureCode = code.name();
        tenant.failureReason = reason;
        audit.record(
                tenant.id,
                Actor.SYSTEM,
                AuditAction.PROVISIONING_FAILED,
                TenantStatus.PROVISIONING,
                TenantStatus.PROVISIONING_FAILED,
                reason,
                "step " + step + ", " + code);
        outbox.add(new TenantProvisioningFailed(tenant.id, tenant.slug, step.name(), code, reason));
    }

    /** Puts a PROVISIONING_FAILED tenant back to PROVISIONING, keeping the step it stopped at. */
    @Transactional
    UUID retry(String slug, String actor) {
        Tenant tenant = registry.get(slug);
        if (tenant.status != TenantStatus.PROVISIONING_FAILED) {
            throw new TenantFleetException(
                    TenantErrorCode.NOT_PROVISIONABLE,
                    "tenant '" + slug + "' is " + tenant.status
                            + "; only PROVISIONING_FAILED tenants can be provisioned again");
        }
        String previousFailure = tenant.failureCode + ": " + tenant.failureReason;
        tenant.moveTo(TenantStatus.PROVISIONING);
        tenant.failureCode = null;
        tenant.failureReason = null;
        audit.record(
                tenant.id,
                actor,
                AuditAction.PROVISIONING_RETRIED,
                TenantStatus.PROVISIONING_FAILED,
                TenantStatus.PROVISIONING,
                "resume at " + tenant.provisioningStep,
                "previous failure " + previousFailure);
        outbox.add(new TenantStatusChanged(
                tenant.id,
                tenant.slug,
                TenantStatus.PROVISIONING_FAILED,
                TenantStatus.PROVISIONING,
                actor,
                "provisioning retried at step " + tenant.provisioningStep));
        return tenant.id;
    }
}
