package dev.tenantfleet.service.fleet;

import dev.tenantfleet.service.release.ReleaseChangelog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What a release to a target would do, per tenant, read from the tenant databases. */
@ApplicationScoped
public class FleetPlanner {
    private final FleetInspector inspector;
    private final ReleaseChangelog changelog;
    private final FleetResource.FleetTenants tenants;

    FleetPlanner(FleetInspector inspector, ReleaseChangelog changelog, FleetResource.FleetTenants tenants) {
        this.inspector = inspector;
        this.changelog = changelog;
        this.tenants = tenants;
    }

    /** The plan to {@code target} (the changelog head when null) for {@code slugs} (every live tenant when empty). */
    public PlanView plan(String target, List<String> slugs) {
        String targetTag = target == null || target.isBlank() ? changelog.get().head() : target;
        String notATarget = changelog.get().whyNotATarget(targetTag); // also: a changelog without tags
        if (notATarget != null) {
            throw new dev.tenantfleet.model.error.TenantFleetException(dev.tenantfleet.model.error.TenantErrorCode.INVALID_REQUEST,
                    "target " + notATarget);
        }
        List<PlanView.TenantPlanView> plans = inspector.inspect(tenants.live(slugs), targetTag).stream()
                .map(inspection -> inspection.plan() == null
                        ? new PlanView.TenantPlanView(inspection.slug(), null, List.of(), List.of(), inspection.error())
                        : new PlanView.TenantPlanView(inspection.slug(), inspection.head(), inspection.plan().pending(),
                                inspection.plan().drift(), null))
                .toList();
        return new PlanView(targetTag, changelog.get().digest(), plans);
    }
}
