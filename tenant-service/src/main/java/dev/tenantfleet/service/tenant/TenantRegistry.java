package dev.tenantfleet.service.tenant;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.audit.AuditAction;
import dev.tenantfleet.service.audit.AuditLog;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.credentials.Credentials;
import dev.tenantfleet.service.server.DatabaseServer;
import dev.tenantfleet.service.server.ServerRegistry;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Registers tenants and answers questions about the fleet. */
@ApplicationScoped
public class TenantRegistry {
    private final TenantFleetConfig config;
    private final ServerRegistry servers;
    private final Credentials credentials;
    private final AuditLog audit;

    TenantRegistry(TenantFleetConfig config, ServerRegistry servers, Credentials credentials, AuditLog audit) {
        this.config = config;
        this.servers = servers;
        this.credentials = credentials;
        this.audit = audit;
    }

    /**
     * Registers a tenant in PROVISIONING with its derived names and a freshly generated, encrypted
     * password. Nothing exists on the database server yet: the registry knows the tenant before anything
     * is created, so nothing can be left half-created without it knowing.
     */
    @Transactional
    public Tenant register(CreateTenantRequest request, String actor) {
        String slug = TenantNaming.requireValidSlug(request.slug());
        if (Tenant.findBySlug(slug).isPresent()) {
            throw new TenantFleetException(
                    TenantErrorCode.DUPLICATE_SLUG, "a tenant with slug '" + slug + "' already exists");
        }
        DatabaseServer server = request.server() == null || request.server().isBlank()
                ? servers.defaultServer()
                : servers.get(request.server());
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.slug = slug;
        tenant.displayName = request.name().strip();
        tenant.status = TenantStatus.PROVISIONING;
        tenant.server = server;
        tenant.databaseName = TenantNaming.databaseName(config.provisioning().namePrefix(), slug);
        tenant.roleName = TenantNaming.roleName(config.provisioning().namePrefix(), slug);
        tenant.password(credentials.encrypt(credentials.generatePassword()));
        tenant.provisioningStep = ProvisioningStep.first();
        tenant.createdAt = Instant.now();
        tenant.updatedAt = tenant.createdAt;
        tenant.persist();
        audit.record(
                tenant.id,
                actor,
                AuditAction.REGISTERED,
                null,
                TenantStatus.PROVISIONING,
                null,
                "server " + server.name + ", database " + tenant.databaseName);
        return tenant;
    }

    /** The tenant with {@code slug}, or TENANT_NOT_FOUND. */
    public Tenant get(String slug) {
        return Tenant.findBySlug(slug)
                .orElseThrow(() -> new TenantFleetException(
                        TenantErrorCode.TENANT_NOT_FOUND, "no tenant with slug '" + slug + "'"));
    }

    /** A page of the tenants that {@code filter} selects, by slug. */
    public TenantPage list(TenantFilter filter, int page, int size) {
        PanacheQuery<Tenant> query = filter.isEmpty()
                ? Tenant.findAll(Sort.by("slug"))
                : Tenant.find(filter.where(), Sort.by("slug"), filter.parameters());
        var items = query.page(Page.of(page, size)).list().stream()
                .map(TenantView::of)
                .toList();
        return new TenantPage(items, page, size, query.count());
    }
}
