package dev.tenantfleet.service.inspection;

import dev.tenantfleet.changelog.SchemaDrift;
import dev.tenantfleet.changelog.TenantPlan;
import dev.tenantfleet.model.migration.MigrationError;
import java.util.ArrayList;
import java.util.List;

/**
 * What one tenant database says about itself: its plan against a target, or why it could not be read.
 *
 * @param head        the last tag in the tenant's Liquibase history (null when none)
 * @param plan        pending changesets and history drift; null when the database could not be read
 * @param schemaDrift pending changesets whose objects already exist (applied by hand); empty when none
 * @param error       why the database could not be read, classified; null on success
 */
public record TenantInspection(
        String slug, String head, TenantPlan plan, List<SchemaDrift> schemaDrift, MigrationError error) {
    public TenantInspection {
        schemaDrift = schemaDrift == null ? List.of() : List.copyOf(schemaDrift);
    }

    /** Whether the database could be read. */
    public boolean readable() {
        return error == null;
    }

    /** Whether the tenant's history or schema disagrees with the changelog. */
    public boolean drifted() {
        return plan != null && plan.drifted() || !schemaDrift.isEmpty();
    }

    /** Every drift reason, history drift first. */
    public List<String> driftReasons() {
        List<String> reasons = new ArrayList<>(plan == null ? List.of() : plan.drift());
        schemaDrift.forEach(drift -> reasons.add(drift.describe()));
        return reasons;
    }
}
