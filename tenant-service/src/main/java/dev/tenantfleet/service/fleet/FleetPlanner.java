package dev.tenantfleet.service.fleet;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.service.changelog.ReleaseChangelog;
import dev.tenantfleet.service.inspection.TenantInspection;
import dev.tenantfleet.service.inspection.TenantInspector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What a release to a target would do, per tenant, read from the tenant databases. */
@ApplicationScoped
public class FleetPlanner {
    private final TenantInspector inspector;
    private final ReleaseChangelog changelog;
    private final FleetResource.FleetTenants tenants;

    FleetPlanner(TenantInspector inspector, ReleaseChangelog changelog, FleetResource.FleetTenants tenants) {
        this.inspector = inspector;
        this.changelog = changelog;
        this.tenants = tenants;
    }

    /** The plan to {@code target} (the changelog head when null) for {@code slugs} (every live tenant when empty). */
    public PlanView plan(String target, List<String> slugs) {
        String targetTag = target == null || target.isBlank() ? changelog.get().head() : target;
        String notATarget = changelog.get().whyNotATarget(targetTag); // also: a changelog without tags
        if (notATarget != null) {
            throw new TenantFleetException(
                    TenantErrorCode.INVALID_PARAMETER, "query parameter 'target': " + notATarget);
        }
        List<PlanView.TenantPlanView> plans = inspector.inspect(tenants.live(slugs), targetTag).stream()
                .map(inspection -> view(inspection, targetTag))
                .toList();
        return new PlanView(targetTag, changelog.get().digest(), plans);
    }

    private PlanView.TenantPlanView view(TenantInspection inspection, String targetTag) {
        if (!inspection.readable()) {
            return new PlanView.TenantPlanView(
                    inspection.slug(),
                    null,
                    PlanView.Standing.UNREADABLE,
                    List.of(),
                    List.of(),
                    inspection.error().message());
        }
        return new PlanView.TenantPlanView(
                inspection.slug(),
                inspection.head(),
                standing(inspection, targetTag),
                inspection.plan().pending(),
                inspection.driftReasons(),
                null);
    }

    private PlanView.Standing standing(TenantInspection inspection, String targetTag) {
        if (!inspection.plan().pending().isEmpty()) {
            return PlanView.Standing.BEHIND;
        }
        return changelog.rank(inspection.head()) > changelog.rank(targetTag)
                ? PlanView.Standing.AHEAD
                : PlanView.Standing.AT_TARGET;
    }
}
