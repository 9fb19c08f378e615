package dev.tenantfleet.worker.rollback;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.model.migration.TenantRollbackFailed;
import dev.tenantfleet.model.migration.TenantRolledBack;
import dev.tenantfleet.worker.changelog.ChangelogSource;
import dev.tenantfleet.worker.tenantdb.CommandChecks;
import dev.tenantfleet.worker.tenantdb.MigrationErrorClassifier;
import dev.tenantfleet.worker.tenantdb.TenantSessions;
import dev.tenantfleet.worker.tenantdb.TenantWorkException;
import dev.tenantfleet.worker.tenantdb.WorkInterruptedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs one rollback-tenant command: refuses a foreign changelog digest or undecryptable credentials, then rolls the
 * release's changesets back on a locked session ({@link LiquibaseRollback}). Never throws for a failed rollback: it
 * becomes a {@link TenantRollbackFailed}, and the tenant is unchanged.
 */
@ApplicationScoped
public class RollbackTenantHandler {
    private static final Logger LOG = Logger.getLogger(RollbackTenantHandler.class);

    private final ChangelogSource changelogSource;
    private final CredentialCipher cipher;
    private final TenantSessions sessions;
    private final LiquibaseRollback rollback;

    public RollbackTenantHandler(ChangelogSource changelogSource, CredentialCipher cipher, TenantSessions sessions,
            LiquibaseRollback rollback) {
        this.changelogSource = changelogSource;
        this.cipher = cipher;
        this.sessions = sessions;
        this.rollback = rollback;
    }

    /**
     * Rolls back the release of {@code command} on its tenant.
     *
     * @throws WorkInterruptedException when the worker thread is interrupted (shutdown)
     */
    public MigrationResult handle(RollbackTenant command) {
        long started = System.nanoTime();
        TenantChangelog changelog = changelogSource.changelog();
        String label = "rollback-tenant " + command.slug() + " command " + command.commandId();
        LOG.infof("%s: started, %d changesets of release %s, expected head %s", label, command.changeSets().size(),
                command.releaseId(), command.expectedHead());
        MigrationResult result;
        try {
            result = roll(command, changelog, label, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warnf("%s: interrupted, the command goes back to the queue", label);
            throw new WorkInterruptedException(e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: unexpected error", label);
            result = failed(command, changelog, started, MigrationErrorClassifier.classify(e, null), null);
        }
        if (result instanceof TenantRolledBack ok) {
            LOG.infof("%s: rolled back %d changesets, head %s -> %s in %d ms", label, ok.appliedChangeSets().size(),
                    ok.headBefore(), ok.headAfter(), ok.durationMillis());
        } else if (result instanceof TenantRollbackFailed failed) {
            LOG.warnf("%s: failed with %s (%s), head %s in %d ms", label, failed.error().code(), failed.error().message(),
                    failed.headAfter(), failed.durationMillis());
        }
        return result;
    }

    private MigrationResult roll(RollbackTenant command, TenantChangelog changelog, String label, long started)
            throws InterruptedException {
        try {
            CommandChecks.sameChangelog(command.changelogDigest(), changelog);
            String password = CommandChecks.password(cipher, command.connection().password());
            LiquibaseRollback.Report report = sessions.run(label, command.connection(), password,
                    session -> rollback.run(session, changelog, command));
            return new TenantRolledBack(command.commandId(), command.tenantId(), command.slug(), MigrationPurpose.RELEASE,
                    command.releaseId(), report.headBefore(), report.headAfter(), report.rolledBack(),
                    millisSince(started), changelog.digest());
        } catch (TenantWorkException e) {
            return failed(command, changelog, started, e.error(), e.headAfter());
        }
    }

    private static TenantRollbackFailed failed(RollbackTenant command, TenantChangelog changelog, long started,
            MigrationError error, String headAfter) {
        return new TenantRollbackFailed(command.commandId(), command.tenantId(), command.slug(), MigrationPurpose.RELEASE,
                command.releaseId(), error, headAfter, List.of(), millisSince(started), changelog.digest());
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
