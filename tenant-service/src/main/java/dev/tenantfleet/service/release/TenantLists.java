package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.TenantReleaseState;
import java.util.List;
import java.util.stream.Collectors;

/** Picking and naming a release's tenants. */
final class TenantLists {
    private TenantLists() {}

    static List<ReleaseTenant> only(List<ReleaseTenant> tenants, TenantReleaseState state) {
        return tenants.stream().filter(tenant -> tenant.state == state).toList();
    }

    /** The slugs for a reason or log line, at most 20 of them. */
    static String slugs(List<ReleaseTenant> tenants) {
        return tenants.stream().map(tenant -> tenant.slug).limit(20).collect(Collectors.joining(", "))
                + (tenants.size() > 20 ? ", ..." : "");
    }
}
