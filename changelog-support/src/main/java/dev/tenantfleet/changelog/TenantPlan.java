package dev.tenantfleet.changelog;

import java.util.List;

/**
 * What migrating one tenant to a target would do.
 *
 * @param head    the tenant's head tag now (null: none)
 * @param pending changesets that would run, in changelog order
 * @param drift   one human-readable reason per applied changeset that no longer matches the changelog (unknown to it,
 *                or its checksum changed); empty when none
 */
public record TenantPlan(String head, List<ChangeSetInfo> pending, List<String> drift) {
    public TenantPlan {
        pending = List.copyOf(pending);
        drift = List.copyOf(drift);
    }

    /** Whether the tenant's history disagrees with the changelog. */
    public boolean drifted() {
        return !drift.isEmpty();
    }
}
