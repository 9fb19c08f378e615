package dev.tenantfleet.worker.migrate;

import dev.tenantfleet.changelog.ChangeSetInfo;
import dev.tenantfleet.changelog.PendingObjects;
import dev.tenantfleet.changelog.SchemaDrift;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.SchemaAhead;
import dev.tenantfleet.worker.tenantdb.session.TenantSession;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Names drift after a failed run: when objects that the run's pending changesets create already existed, the tenant's
 * schema is ahead of its history, whatever SQLSTATE the first failing statement raised (duplicate column, duplicate
 * object, a unique violation on a row the script inserts). Checked only after a failure, on the rolled-back session,
 * so a successful migration pays nothing; a unique violation with none of those objects present stays a data error.
 */
final class DriftCheck {
    private static final Logger LOG = Logger.getLogger(DriftCheck.class);

    private DriftCheck() {}

    /** {@code error}, reclassified as SCHEMA_DRIFT naming the changesets and objects when the schema is ahead. */
    static MigrationError reclassify(
            MigrationError error, TenantSession session, TenantChangelog changelog, List<ChangeSetInfo> pending) {
        if (error.code() != MigrationErrorCode.CHANGESET_SQL_ERROR && error.code() != MigrationErrorCode.SCHEMA_DRIFT) {
            return error;
        }
        try {
            List<SchemaDrift> drift = PendingObjects.find(session.connection(), changelog, pending);
            if (drift.isEmpty()) {
                return error;
            }
            String found = drift.stream().map(SchemaDrift::describe).collect(Collectors.joining("; "));
            return SchemaAhead.error(
                    found + " (the run failed with: " + error.message() + ")",
                    drift.get(0).changeSet());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("%s: cannot check for schema drift after the failure (%s)", session.label(), e.getMessage());
            return error;
        }
    }
}
