package dev.tenantfleet.worker.rollback;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.model.migration.TenantRollbackFailed;
import dev.tenantfleet.model.migration.TenantRolledBack;
import dev.tenantfleet.worker.changelog.ChangelogSource;
import dev.tenantfleet.worker.handler.LiquibaseRun;
import dev.tenantfleet.worker.handler.TenantCommandHandler;
import dev.tenantfleet.worker.tenantdb.session.TenantSessions;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs one rollback-tenant command: after the checks of every command it rolls the release's changesets back on a
 * locked session ({@link LiquibaseRollback}). A failed rollback becomes a {@link TenantRollbackFailed}, and the tenant
 * is unchanged (so it reports no changeset).
 */
@Singleton
public class RollbackTenantHandler extends TenantCommandHandler<RollbackTenant> {
    public RollbackTenantHandler(
            ChangelogSource changelogSource,
            CredentialCipher cipher,
            TenantSessions sessions,
            LiquibaseRollback rollback) {
        super(Logger.getLogger(RollbackTenantHandler.class), changelogSource, cipher, sessions, rollback);
    }

    @Override
    protected Target target(RollbackTenant command) {
        return new Target(
                "rollback-tenant " + command.slug(),
                command.changeSets().size() + " changesets of release " + command.releaseId() + ", expected head "
                        + command.expectedHead(),
                command.changelogDigest(),
                command.connection());
    }

    @Override
    protected MigrationResult succeeded(Run<RollbackTenant> run, LiquibaseRun.Report report) {
        RollbackTenant command = run.command();
        return new TenantRolledBack(
                command.commandId(),
                command.tenantId(),
                command.slug(),
                MigrationPurpose.RELEASE,
                command.releaseId(),
                report.headBefore(),
                report.headAfter(),
                report.changeSets(),
                run.millis(),
                run.changelog().digest());
    }

    @Override
    protected MigrationResult failed(
            Run<RollbackTenant> run, MigrationError error, String headAfter, List<String> applied) {
        RollbackTenant command = run.command();
        return new TenantRollbackFailed(
                command.commandId(),
                command.tenantId(),
                command.slug(),
                MigrationPurpose.RELEASE,
                command.releaseId(),
                error,
                headAfter,
                List.of(),
                run.millis(),
                run.changelog().digest());
    }

    @Override
    protected String done(int count) {
        return "rolled back " + count + " changesets";
    }

    /** A failed rollback changes nothing, so its log line names no changeset. */
    @Override
    protected String doneBeforeFailure(int count) {
        return "";
    }
}
