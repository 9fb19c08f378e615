package dev.tenantfleet.worker.migrate;

import dev.tenantfleet.worker.changelog.LiquibaseSupport;
import dev.tenantfleet.worker.changelog.TenantChangelog;
import dev.tenantfleet.worker.migrate.LiquibaseTables.AppliedChangeSet;
import dev.tenantfleet.worker.migrate.LiquibaseTables.LockRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.executor.ExecutorService;
import org.jboss.logging.Logger;

/**
 * Applies the tenant changelog with the Liquibase Java API on a connection that already holds the Tenant Fleet
 * advisory lock, and reports what changed from DATABASECHANGELOG.
 */
@ApplicationScoped
public class LiquibaseRunner {
    private static final Logger LOG = Logger.getLogger(LiquibaseRunner.class);

    /**
     * What one run did.
     *
     * @param headBefore last tag before the run (null: none)
     * @param headAfter  last tag after the run (null: none)
     * @param applied    changesets this run applied, in order, {@code filename::id::author}
     */
    public record RunReport(String headBefore, String headAfter, List<String> applied) {
    }

    /**
     * Updates the tenant database to {@code targetTag} (null: the whole changelog).
     *
     * @param connection connection holding the advisory lock; left open, in auto-commit mode
     * @param slug       tenant slug, for logs
     * @throws TenantMigrationException when Liquibase fails (with what committed before)
     * @throws SQLException             when the history cannot be read before the run
     */
    public RunReport run(Connection connection, TenantChangelog changelog, String targetTag, String slug)
            throws TenantMigrationException, SQLException {
        Database database;
        try {
            database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        } catch (liquibase.exception.DatabaseException e) {
            throw new SQLException("Liquibase cannot use the tenant connection: " + e.getMessage(), e);
        }
        try {
            autoCommit(connection);
            LiquibaseTables tables = LiquibaseTables.of(database);
            List<AppliedChangeSet> before = tables.history(connection);
            LockRow stale = tables.releaseLockRow(connection);
            if (stale != null) {
                LOG.warnf("Tenant %s: released a stale Liquibase lock (DATABASECHANGELOGLOCK locked by '%s' since %s). "
                        + "Tenant Fleet holds the advisory lock, so no migration was running: a worker was killed mid-run.",
                        slug, stale.lockedBy(), stale.lockGranted());
            }
            connection.setAutoCommit(database.getAutoCommitMode());

            FailedChangeSetListener listener = new FailedChangeSetListener();
            Exception failure = null;
            try {
                LiquibaseSupport.inScope(changelog.newResourceAccessor(), () -> update(database, changelog, targetTag, listener));
            } catch (Exception e) {
                failure = e;
            }

            List<AppliedChangeSet> after;
            try {
                autoCommit(connection);
                // Liquibase resets its lock services globally after each command; with migrations of other tenants
                // running in parallel our lock row may not have been released. We still hold the advisory lock.
                if (tables.releaseLockRow(connection) != null) {
                    LOG.debugf("Tenant %s: released the Liquibase lock row after the run", slug);
                }
                after = tables.history(connection);
            } catch (SQLException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
                throw new TenantMigrationException(failure, listener.failed(), null, List.of());
            }
            List<String> applied = newlyApplied(before, after);
            if (failure != null) {
                throw new TenantMigrationException(failure, listener.failed(), LiquibaseTables.head(after), applied);
            }
            return new RunReport(LiquibaseTables.head(before), LiquibaseTables.head(after), applied);
        } finally {
            Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor("jdbc", database);
        }
    }

    private static Void update(Database database, TenantChangelog changelog, String targetTag,
            FailedChangeSetListener listener) throws Exception {
        CommandScope command;
        if (targetTag == null) {
            command = new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog.path());
        } else {
            command = new CommandScope(UpdateToTagCommandStep.COMMAND_NAME)
                    .addArgumentValue(UpdateToTagCommandStep.CHANGELOG_FILE_ARG, changelog.path())
                    .addArgumentValue(UpdateToTagCommandStep.TAG_ARG, targetTag);
        }
        command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                .setOutput(OutputStream.nullOutputStream());
        command.execute();
        return null;
    }

    static List<String> newlyApplied(List<AppliedChangeSet> before, List<AppliedChangeSet> after) {
        Set<String> known = before.stream().map(AppliedChangeSet::key).collect(Collectors.toSet());
        return after.stream().map(AppliedChangeSet::key).filter(key -> !known.contains(key)).toList();
    }

    private static void autoCommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** Remembers which changeset was running when Liquibase failed. */
    static final class FailedChangeSetListener extends AbstractChangeExecListener {
        private volatile String running;
        private volatile String failed;

        @Override
        public void willRun(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                ChangeSet.RunStatus runStatus) {
            running = key(changeSet);
        }

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                ChangeSet.ExecType execType) {
            running = null;
        }

        @Override
        public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                Exception exception) {
            failed = key(changeSet);
        }

        String failed() {
            return failed != null ? failed : running;
        }

        private static String key(ChangeSet changeSet) {
            return changeSet.getStoredFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
        }
    }
}
