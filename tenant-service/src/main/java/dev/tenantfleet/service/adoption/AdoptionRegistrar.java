package dev.tenantfleet.service.adoption;

import dev.tenantfleet.model.tenant.TenantAdopted;
import dev.tenantfleet.service.audit.AuditAction;
import dev.tenantfleet.service.audit.AuditLog;
import dev.tenantfleet.service.outbox.Outbox;
import dev.tenantfleet.service.server.DatabaseServer;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers one adopted database: the tenant row (status as asked, schema head as read, no provisioning step), its
 * ADOPTED audit row and its {@code tenant.adopted} event, in one transaction of its own, so one row failing never
 * takes the others with it.
 */
@ApplicationScoped
class AdoptionRegistrar {
    private final AuditLog audit;
    private final Outbox outbox;

    AdoptionRegistrar(AuditLog audit, Outbox outbox) {
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * Registers {@code row} at {@code head}; empty when its slug got registered meanwhile (for this database: already
     * registered; else a duplicate), which the caller reports.
     */
    @Transactional
    Optional<Tenant> register(Candidate row, String serverName, String head, boolean baselined, String actor) {
        if (Tenant.findBySlug(row.slug()).isPresent()) {
            return Optional.empty();
        }
        DatabaseServer server = DatabaseServer.findByName(serverName).orElseThrow();
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.slug = row.slug();
        tenant.displayName = row.name();
        tenant.status = row.status();
        tenant.server = server;
        tenant.databaseName = row.database();
        tenant.roleName = row.username();
        tenant.password(row.password());
        tenant.schemaHead = head;
        tenant.createdAt = Instant.now();
        tenant.updatedAt = tenant.createdAt;
        tenant.persist();
        audit.record(
                tenant.id,
                actor,
                AuditAction.ADOPTED,
                null,
                tenant.status,
                null,
                "server " + server.name
                        + ", database " + tenant.databaseName + ", role " + tenant.roleName + ", schema head "
                        + (head == null ? "none" : head)
                        + (baselined ? " (baseline recorded)" : head == null ? "" : " (from its Liquibase history)"));
        outbox.add(new TenantAdopted(
                tenant.id,
                tenant.slug,
                tenant.displayName,
                server.name,
                tenant.databaseName,
                tenant.status,
                head,
                baselined));
        return Optional.of(tenant);
    }
}
