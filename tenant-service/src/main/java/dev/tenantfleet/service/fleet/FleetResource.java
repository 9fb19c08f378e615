package dev.tenantfleet.service.fleet;

import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.changelog.ReleaseChangelog;
import dev.tenantfleet.service.inspection.TenantAccess;
import dev.tenantfleet.service.inspection.TenantInspection;
import dev.tenantfleet.service.inspection.TenantInspector;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The fleet against the changelog, read from every tenant database. (The release plan is GET /api/releases/plan.) */
@Path("/api")
@Tag(name = "fleet")
public class FleetResource {
    private final TenantInspector inspector;
    private final ReleaseChangelog changelog;
    private final FleetTenants tenants;

    FleetResource(TenantInspector inspector, ReleaseChangelog changelog, FleetTenants tenants) {
        this.inspector = inspector;
        this.changelog = changelog;
        this.tenants = tenants;
    }

    @GET
    @Path("/fleet/status")
    @Operation(
            summary = "Tenants at each head, who is behind the changelog head, who drifted (read from the databases)")
    public FleetStatusView status() {
        String head = changelog.get().head();
        List<TenantInspection> inspections = inspector.inspect(tenants.live(List.of()), head);
        Map<String, Integer> byHead = new TreeMap<>();
        List<FleetStatusView.Behind> behind = new ArrayList<>();
        List<FleetStatusView.Drifted> drifted = new ArrayList<>();
        List<FleetStatusView.Unreadable> unreadable = new ArrayList<>();
        for (TenantInspection inspection : inspections) {
            if (!inspection.readable()) {
                unreadable.add(new FleetStatusView.Unreadable(
                        inspection.slug(), inspection.error().message()));
                continue;
            }
            byHead.merge(inspection.head() == null ? "(none)" : inspection.head(), 1, Integer::sum);
            if (!inspection.plan().pending().isEmpty()) {
                behind.add(new FleetStatusView.Behind(
                        inspection.slug(),
                        inspection.head(),
                        inspection.plan().pending().size()));
            }
            if (inspection.drifted()) {
                drifted.add(
                        new FleetStatusView.Drifted(inspection.slug(), inspection.head(), inspection.driftReasons()));
            }
        }
        return new FleetStatusView(
                head, changelog.get().digest(), inspections.size(), byHead, behind, drifted, unreadable);
    }

    /** Statuses whose databases are inspected: everything provisioned and not deactivated. */
    static final List<TenantStatus> LIVE = List.of(TenantStatus.ACTIVE, TenantStatus.READ_ONLY, TenantStatus.SUSPENDED);

    /** Loads the tenants to inspect inside a short transaction. */
    @ApplicationScoped
    public static class FleetTenants {
        @Transactional
        List<TenantAccess> live(List<String> slugs) {
            List<Tenant> found = slugs.isEmpty()
                    ? Tenant.list("status in ?1 order by slug", LIVE)
                    : Tenant.list("slug in ?1 order by slug", slugs);
            return found.stream().map(TenantAccess::of).toList();
        }
    }
}
