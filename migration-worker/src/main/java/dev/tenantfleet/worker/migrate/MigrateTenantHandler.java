package dev.tenantfleet.worker.migrate;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.worker.changelog.ChangelogSource;
import dev.tenantfleet.worker.handler.LiquibaseRun;
import dev.tenantfleet.worker.handler.TenantCommandHandler;
import dev.tenantfleet.worker.tenantdb.failure.CommandChecks;
import dev.tenantfleet.worker.tenantdb.session.TenantSessions;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs one migrate-tenant command: besides the checks of every command it refuses an unknown tag, then migrates the
 * tenant on a locked session ({@link LiquibaseUpdate}). Every failure becomes a {@link TenantMigrationFailed}.
 */
@Singleton
public class MigrateTenantHandler extends TenantCommandHandler<MigrateTenant> {
    public MigrateTenantHandler(
            ChangelogSource changelogSource, CredentialCipher cipher, TenantSessions sessions, LiquibaseUpdate update) {
        super(Logger.getLogger(MigrateTenantHandler.class), changelogSource, cipher, sessions, update);
    }

    @Override
    protected Target target(MigrateTenant command) {
        return new Target(
                "migrate-tenant " + command.slug(),
                "target " + (command.targetTag() == null ? "head" : command.targetTag()) + ", release "
                        + command.releaseId(),
                command.changelogDigest(),
                command.connection());
    }

    @Override
    protected void refuse(MigrateTenant command, TenantChangelog changelog) {
        if (command.targetTag() != null && !changelog.tags().contains(command.targetTag())) {
            throw CommandChecks.refused(
                    MigrationErrorCode.UNKNOWN_TAG,
                    "tag '" + command.targetTag() + "' is not in the worker's changelog; its tags are "
                            + changelog.tags());
        }
    }

    @Override
    protected MigrationResult succeeded(Run<MigrateTenant> run, LiquibaseRun.Report report) {
        MigrateTenant command = run.command();
        return new TenantMigrated(
                command.commandId(),
                command.tenantId(),
                command.slug(),
                command.purpose(),
                report.headBefore(),
                report.headAfter(),
                report.changeSets(),
                run.millis(),
                run.changelog().digest(),
                command.releaseId());
    }

    @Override
    protected MigrationResult failed(
            Run<MigrateTenant> run, MigrationError error, String headAfter, List<String> applied) {
        MigrateTenant command = run.command();
        return new TenantMigrationFailed(
                command.commandId(),
                command.tenantId(),
                command.slug(),
                command.purpose(),
                error,
                headAfter,
                applied,
                run.millis(),
                run.changelog().digest(),
                command.releaseId());
    }

    @Override
    protected String done(int count) {
        return "migrated, " + count + " changesets applied";
    }

    @Override
    protected String doneBeforeFailure(int count) {
        return ", " + count + " changesets applied";
    }
}
