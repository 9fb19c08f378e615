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
 * Runs one migrate-tenant command: refuses a foreign changelog digest, an unknown tag or undecryptable credentials
 * before touching the database, then migrates the tenant on a locked session ({@link LiquibaseUpdate}) and returns the
 * result to publish. Never throws for a failed migration: every failure becomes a {@link TenantMigrationFailed}.
 */
@ApplicationScoped
public class MigrateTenantHandler {
    private static final Logger LOG = Logger.getLogger(MigrateTenantHandler.class);

    private final ChangelogSource changelogSource;
    private final CredentialCipher cipher;
    private final TenantSessions sessions;
    private final LiquibaseUpdate update;

    public MigrateTenantHandler(ChangelogSource changelogSource, CredentialCipher cipher, TenantSessions sessions,
            LiquibaseUpdate update) {
        this.changelogSource = changelogSource;
        this.cipher = cipher;
        this.sessions = sessions;
        this.update = update;
    }

    /**
     * Migrates the tenant of {@code command}.
     *
     * @throws WorkInterruptedException when the worker thread is interrupted (shutdown)
     */
    public MigrationResult handle(MigrateTenant command) {
        long started = System.nanoTime();
        TenantChangelog changelog = changelogSource.changelog();
        String label = "migrate-tenant " + command.slug() + " command " + command.commandId();
        LOG.infof("%s: started, target %s, release %s", label, command.targetTag() == null ? "head" : command.targetTag(),
                command.releaseId());
        MigrationResult result;
        try {
            result = migrate(command, changelog, label, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warnf("%s: interrupted, the command goes back to the queue", label);
            throw new WorkInterruptedException(e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: unexpected error", label);
            result = failed(command, changelog, started, MigrationErrorClassifier.classify(e, null), null, List.of());
        }
        if (result instanceof TenantMigrated ok) {
            LOG.infof("%s: migrated, %d changesets applied, head %s -> %s in %d ms", label, ok.appliedChangeSets().size(),
                    ok.headBefore(), ok.headAfter(), ok.durationMillis());
        } else if (result instanceof TenantMigrationFailed failed) {
            LOG.warnf("%s: failed with %s (%s), %d changesets applied, head %s in %d ms", label, failed.error().code(),
                    failed.error().message(), failed.appliedChangeSets().size(), failed.headAfter(), failed.durationMillis());
        }
        return result;
    }

    private MigrationResult migrate(MigrateTenant command, TenantChangelog changelog, String label, long started)
            throws InterruptedException {
        try {
            CommandChecks.sameChangelog(command.changelogDigest(), changelog);
            if (command.targetTag() != null && !changelog.tags().contains(command.targetTag())) {
                throw CommandChecks.refused(MigrationErrorCode.UNKNOWN_TAG, "tag '" + command.targetTag()
                        + "' is not in the worker's changelog; its tags are " + changelog.tags());
            }
            String password = CommandChecks.password(cipher, command.connection().password());
            LiquibaseUpdate.Report report = sessions.run(label, command.connection(), password,
                    session -> update.run(session, changelog, command));
            return new TenantMigrated(command.commandId(), command.tenantId(), command.slug(), command.purpose(),
                    report.headBefore(), report.headAfter(), report.applied(), millisSince(started), changelog.digest(),
                    command.releaseId());
        } catch (TenantWorkException e) {
            return failed(command, changelog, started, e.error(), e.headAfter(), e.applied());
        }
    }

    private static TenantMigrationFailed failed(MigrateTenant command, TenantChangelog changelog, long started,
            MigrationError error, String headAfter, List<String> applied) {
        return new TenantMigrationFailed(command.commandId(), command.tenantId(), command.slug(), command.purpose(), error,
                headAfter, applied, millisSince(started), changelog.digest(), command.releaseId());
    }

    static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
