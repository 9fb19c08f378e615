package dev.tenantfleet.worker.migrate;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.worker.changelog.ChangelogSource;
import dev.tenantfleet.worker.changelog.TenantChangelog;
import dev.tenantfleet.worker.config.WorkerConfig;
import dev.tenantfleet.worker.migrate.LiquibaseRunner.RunReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs one migrate-tenant command: checks the changelog digest and target tag, decrypts the tenant password, opens
 * one connection, takes the advisory lock, applies the changelog, and returns the result to publish. Never throws
 * for a failed migration: every failure becomes a {@link TenantMigrationFailed} with a classified error.
 */
@ApplicationScoped
public class MigrateTenantHandler {
    private static final Logger LOG = Logger.getLogger(MigrateTenantHandler.class);

    private final ChangelogSource changelogSource;
    private final CredentialCipher cipher;
    private final TenantDatabaseConnector connector;
    private final LiquibaseRunner runner;
    private final WorkerConfig.Migration config;

    public MigrateTenantHandler(ChangelogSource changelogSource, CredentialCipher cipher, TenantDatabaseConnector connector,
            LiquibaseRunner runner, WorkerConfig config) {
        this.changelogSource = changelogSource;
        this.cipher = cipher;
        this.connector = connector;
        this.runner = runner;
        this.config = config.migration();
    }

    /** The worker is shutting down while a migration waited; the command must be requeued, not answered. */
    public static class InterruptedMigrationException extends RuntimeException {
        InterruptedMigrationException(InterruptedException cause) {
            super("interrupted while migrating a tenant", cause);
        }
    }

    /**
     * Migrates the tenant of {@code command}.
     *
     * @throws InterruptedMigrationException when the worker thread is interrupted (shutdown)
     */
    public MigrationResult handle(MigrateTenant command) {
        long started = System.nanoTime();
        TenantChangelog changelog = changelogSource.changelog();
        String target = command.targetTag() == null ? "head" : command.targetTag();
        LOG.infof("migrate-tenant %s command %s: started, target %s", command.slug(), command.commandId(), target);
        MigrationResult result;
        try {
            result = migrate(command, changelog, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warnf("migrate-tenant %s command %s: interrupted, the command goes back to the queue", command.slug(),
                    command.commandId());
            throw new InterruptedMigrationException(e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "migrate-tenant %s command %s: unexpected error", command.slug(), command.commandId());
            result = failed(command, changelog, started, MigrationErrorClassifier.classify(e, null), null, List.of());
        }
        if (result instanceof TenantMigrated ok) {
            LOG.infof("migrate-tenant %s command %s: migrated, %d changesets applied, head %s -> %s in %d ms",
                    ok.slug(), ok.commandId(), ok.appliedChangeSets().size(), ok.headBefore(), ok.headAfter(),
                    ok.durationMillis());
        } else if (result instanceof TenantMigrationFailed failed) {
            LOG.warnf("migrate-tenant %s command %s: failed with %s (%s), %d changesets applied, head %s in %d ms",
                    failed.slug(), failed.commandId(), failed.error().code(), failed.error().message(),
                    failed.appliedChangeSets().size(), failed.headAfter(), failed.durationMillis());
        }
        return result;
    }

    private MigrationResult migrate(MigrateTenant command, TenantChangelog changelog, long started)
            throws InterruptedException {
        if (command.changelogDigest() != null && !command.changelogDigest().equals(changelog.digest())) {
            return failed(command, changelog, started, error(MigrationErrorCode.CHANGELOG_MISMATCH,
                    "the command expects changelog " + command.changelogDigest() + " but this worker has "
                            + changelog.digest()), null, List.of());
        }
        if (command.targetTag() != null && !changelog.tags().contains(command.targetTag())) {
            return failed(command, changelog, started, error(MigrationErrorCode.UNKNOWN_TAG,
                    "tag '" + command.targetTag() + "' is not in the worker's changelog; its tags are " + changelog.tags()),
                    null, List.of());
        }
        String password;
        try {
            password = cipher.decrypt(command.connection().password());
        } catch (RuntimeException e) {
            return failed(command, changelog, started, error(MigrationErrorCode.CREDENTIALS,
                    "the tenant password cannot be decrypted: " + e.getMessage()), null, List.of());
        }

        Duration backoff = config.connectBackoff();
        for (int attempt = 0;; attempt++) {
            try {
                RunReport report = attempt(command, changelog, password);
                return new TenantMigrated(command.commandId(), command.tenantId(), command.slug(), command.purpose(),
                        report.headBefore(), report.headAfter(), report.applied(), millisSince(started), changelog.digest());
            } catch (LockedException e) {
                return failed(command, changelog, started, error(MigrationErrorCode.LOCKED, e.getMessage()), null, List.of());
            } catch (TenantMigrationException e) {
                if (!retry(command, attempt, backoff, e.getCause())) {
                    return failed(command, changelog, started,
                            MigrationErrorClassifier.classify(e.getCause(), e.changeSet()), e.headAfter(), e.applied());
                }
            } catch (SQLException e) {
                if (!retry(command, attempt, backoff, e)) {
                    return failed(command, changelog, started, MigrationErrorClassifier.classify(e, null), null, List.of());
                }
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    /** Waits before the next attempt when {@code failure} is transient and retries are left. */
    private boolean retry(MigrateTenant command, int attempt, Duration backoff, Throwable failure) throws InterruptedException {
        if (attempt >= config.connectRetries() || !MigrationErrorClassifier.isTransientConnectivity(failure)) {
            return false;
        }
        LOG.infof("migrate-tenant %s command %s: tenant database unreachable (%s), retry %d/%d in %d ms",
                command.slug(), command.commandId(), failure.getMessage(), attempt + 1, config.connectRetries(),
                backoff.toMillis());
        Thread.sleep(backoff.toMillis());
        return true;
    }

    private RunReport attempt(MigrateTenant command, TenantChangelog changelog, String password)
            throws SQLException, TenantMigrationException, LockedException, InterruptedException {
        try (Connection connection = connector.open(command.connection(), password)) {
            if (!AdvisoryLock.tryAcquire(connection)) {
                LOG.infof("migrate-tenant %s command %s: another migration holds the tenant's advisory lock, waiting up to %s",
                        command.slug(), command.commandId(), config.lockWait());
                if (!AdvisoryLock.acquire(connection, config.lockWait())) {
                    throw new LockedException("another migration held the advisory lock of tenant database '"
                            + command.connection().database() + "' for longer than " + config.lockWait());
                }
            }
            try {
                return runner.run(connection, changelog, command.targetTag(), command.slug());
            } finally {
                releaseQuietly(connection, command);
            }
        }
    }

    private static void releaseQuietly(Connection connection, MigrateTenant command) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            AdvisoryLock.release(connection);
        } catch (SQLException e) {
            // Closing the session releases the lock anyway.
            LOG.debugf("migrate-tenant %s command %s: advisory unlock failed (%s); closing the session releases it",
                    command.slug(), command.commandId(), e.getMessage());
        }
    }

    private static MigrationError error(MigrationErrorCode code, String message) {
        return new MigrationError(code, message, code.hint(), null);
    }

    private static TenantMigrationFailed failed(MigrateTenant command, TenantChangelog changelog, long started,
            MigrationError error, String headAfter, List<String> applied) {
        return new TenantMigrationFailed(command.commandId(), command.tenantId(), command.slug(), command.purpose(), error,
                headAfter, applied, millisSince(started), changelog.digest());
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    /** The advisory lock stayed taken for the whole lock wait. */
    static final class LockedException extends Exception {
        LockedException(String message) {
            super(message);
        }
    }
}
