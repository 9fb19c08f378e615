package dev.tenantfleet.service.release;

import dev.tenantfleet.changelog.SchemaDrift;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.SchemaAhead;
import dev.tenantfleet.service.changelog.ReleaseChangelog;
import dev.tenantfleet.service.inspection.TenantInspection;
import dev.tenantfleet.service.tenant.Tenant;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The rule that decides a targeted tenant's fate from what its database says (a function: no database, no broker):
 * unreadable -> failed with the error class; at a tag the changelog does not know, or pending changesets whose objects
 * already exist -> failed as SCHEMA_DRIFT; pending changesets -> migrated; nothing pending and a later tag than the
 * target -> ahead; nothing pending -> skipped as at the target. The registry's cached head never decides.
 */
final class TargetDecision {
    private final TenantChangelog changelog;
    private final String targetTag;

    TargetDecision(TenantChangelog changelog, String targetTag) {
        this.changelog = changelog;
        this.targetTag = targetTag;
    }

    Target of(Tenant tenant, TenantInspection inspection) {
        if (inspection == null || !inspection.readable()) {
            MigrationError error = inspection != null
                    ? inspection.error()
                    : new MigrationError(
                            MigrationErrorCode.INTERNAL,
                            "the history of " + tenant.slug + " was not read",
                            MigrationErrorCode.INTERNAL.hint(),
                            null);
            return new Target(tenant, Target.Outcome.FAIL, tenant.schemaHead, false, error.message(), error);
        }
        String head = inspection.head();
        boolean corrected = !Objects.equals(head, tenant.schemaHead);
        if (ReleaseChangelog.rank(changelog, head) == Integer.MIN_VALUE) {
            MigrationError error = new MigrationError(
                    MigrationErrorCode.SCHEMA_DRIFT,
                    "its history ends at tag '" + head + "', which the changelog does not know",
                    MigrationErrorCode.SCHEMA_DRIFT.hint(),
                    null);
            return new Target(tenant, Target.Outcome.FAIL, head, corrected, error.message(), error);
        }
        if (!inspection.schemaDrift().isEmpty()) {
            SchemaDrift first = inspection.schemaDrift().get(0);
            MigrationError error = SchemaAhead.error(
                    inspection.schemaDrift().stream().map(SchemaDrift::describe).collect(Collectors.joining("; ")),
                    first.changeSet());
            return new Target(tenant, Target.Outcome.FAIL, head, corrected, error.message(), error);
        }
        if (!inspection.plan().pending().isEmpty()) {
            return new Target(tenant, Target.Outcome.MIGRATE, head, corrected, null, null);
        }
        if (ReleaseChangelog.rank(changelog, head) > ReleaseChangelog.rank(changelog, targetTag)) {
            return new Target(
                    tenant,
                    Target.Outcome.AHEAD,
                    head,
                    corrected,
                    "ahead of the target " + targetTag + ": its database is at " + head,
                    null);
        }
        return new Target(
                tenant, Target.Outcome.SKIP, head, corrected, "already at " + head + " (read from its database)", null);
    }
}
