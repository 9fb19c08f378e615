package dev.tenantfleet.service.tenant;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.audit.AuditLog;
import dev.tenantfleet.service.audit.AuditView;
import dev.tenantfleet.service.http.QueryParameters;
import dev.tenantfleet.service.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant registry and lifecycle API. */
@Path("/api/tenants")
@Tag(name = "tenants")
public class TenantResource {
    /** Most tenants one page holds. */
    static final int MAX_PAGE_SIZE = 500;

    private final TenantRegistry registry;
    private final TenantLifecycle lifecycle;
    private final TenantProvisioning provisioner;
    private final AuditLog audit;

    TenantResource(TenantRegistry registry, TenantLifecycle lifecycle, TenantProvisioning provisioner, AuditLog audit) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.provisioner = provisioner;
        this.audit = audit;
    }

    @POST
    @Operation(summary = "Register a tenant and provision its database asynchronously (202, follow Location)")
    public Response create(@Valid @NotNull CreateTenantRequest request, @HeaderParam(Actor.HEADER) String actor) {
        Tenant tenant = registry.register(request, Actor.from(actor));
        provisioner.resume(tenant.id);
        return Response.accepted(TenantView.of(tenant))
                .location(URI.create("/api/tenants/" + tenant.slug))
                .build();
    }

    @GET
    @Operation(
            summary = "List tenants by slug, optionally filtered by status, schema head and server, one page at a time")
    public TenantPage list(
            @QueryParam("status") String status,
            @QueryParam("head") String head,
            @QueryParam("server") String server,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int pageSize = QueryParameters.intIn("size", size, 50, 1, MAX_PAGE_SIZE);
        int pageIndex = QueryParameters.intIn("page", page, 0, 0, Integer.MAX_VALUE);
        if ((long) pageIndex * pageSize > Integer.MAX_VALUE) {
            // the row offset is an int: page 2147483647 would overflow it, and no fleet has that many tenants
            throw QueryParameters.invalid("query parameter 'page' is too large: page * size must stay below 2^31");
        }
        TenantFilter filter = new TenantFilter(
                QueryParameters.enumOf("status", status, TenantStatus.class), blankToNull(head), blankToNull(server));
        return registry.list(filter, pageIndex, pageSize);
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Get one tenant")
    public TenantView get(@PathParam("slug") String slug) {
        return TenantView.of(registry.get(slug));
    }

    @POST
    @Path("/{slug}/status")
    @Operation(summary = "Move a tenant to ACTIVE, READ_ONLY or SUSPENDED (409 names the allowed targets)")
    public TenantView changeStatus(
            @PathParam("slug") String slug,
            @Valid @NotNull StatusChangeRequest request,
            @HeaderParam(Actor.HEADER) String actor) {
        try {
            return TenantView.of(lifecycle.changeStatus(slug, request.to(), request.reason(), Actor.from(actor)));
        } catch (TenantFleetException e) {
            // Lost a race: when the winner set the very status asked for, this request, sent a moment later, would have
            // been the documented no-op. Answer that instead of the conflict (a repeating deploy script needs no
            // retry).
            Tenant now = e.code() == TenantErrorCode.CONCURRENT_MODIFICATION ? registry.get(slug) : null;
            if (now != null && now.status == request.to()) {
                return TenantView.of(now);
            }
            throw e;
        }
    }

    @POST
    @Path("/{slug}/deactivate")
    @Operation(summary = "Deactivate a tenant; its database is kept and deactivated_at recorded")
    public TenantView deactivate(
            @PathParam("slug") String slug,
            @Valid @NotNull DeactivateRequest request,
            @HeaderParam(Actor.HEADER) String actor) {
        return TenantView.of(lifecycle.deactivate(slug, request.reason(), Actor.from(actor)));
    }

    @POST
    @Path("/{slug}/provision")
    @Operation(summary = "Retry a failed provisioning from the step where it stopped (202)")
    public Response provision(@PathParam("slug") String slug, @HeaderParam(Actor.HEADER) String actor) {
        provisioner.retry(slug, Actor.from(actor));
        return Response.accepted(TenantView.of(registry.get(slug)))
                .location(URI.create("/api/tenants/" + slug))
                .build();
    }

    @GET
    @Path("/{slug}/audit")
    @Operation(summary = "A tenant's audit trail, oldest first")
    public List<AuditView> audit(@PathParam("slug") String slug) {
        return audit.trailOf(registry.get(slug).id).stream().map(AuditView::of).toList();
    }

    /** An empty filter parameter ({@code ?head=}) filters nothing, as if it were absent. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
