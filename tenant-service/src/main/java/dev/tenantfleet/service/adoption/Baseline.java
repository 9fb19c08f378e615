package dev.tenantfleet.service.adoption;

import dev.tenantfleet.changelog.LiquibaseSupport;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.service.changelog.ReleaseChangelog;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncToTagCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.executor.ExecutorService;
import org.jboss.logging.Logger;

/**
 * Records the changelog as applied up to a tag without running it (Liquibase {@code changelogSyncToTag}), as the
 * tenant's own role, in ONE transaction: Liquibase's commits are swallowed and the history is checked to end at the
 * tag before the single real commit, so a failure leaves the database exactly as it was. Holds the workers' migration
 * advisory lock for that transaction, so no Tenant Fleet migration of the same database can interleave.
 */
@ApplicationScoped
class Baseline {
    private static final Logger LOG = Logger.getLogger(Baseline.class);
    /** The migration-worker's advisory lock key (ASCII "TFMIGRAT", see its AdvisoryLock). */
    static final long MIGRATION_LOCK_KEY = 0x54464D4947524154L;

    private final ReleaseChangelog changelog;
    private final DatabaseInspector inspector;

    Baseline(ReleaseChangelog changelog, DatabaseInspector inspector) {
        this.changelog = changelog;
        this.inspector = inspector;
    }

    /** Syncs the row's database to {@code tag}; a problem when it failed (nothing changed then), else null. */
    RowProblem record(Candidate row, RegistryCheck.Target target, String password, String tag) {
        TenantChangelog log = changelog.get();
        try (Connection connection = inspector.connect(row, target, password)) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return RowProblem.of(
                            TenantErrorCode.BASELINE_FAILED,
                            "another Tenant Fleet migration holds the " + "migration lock of database " + row.database()
                                    + "; nothing recorded");
                }
                sync(log, swallowingCommits(connection), tag);
                String head = TenantHistory.read(connection).head();
                if (!tag.equals(head)) {
                    connection.rollback();
                    return RowProblem.of(
                            TenantErrorCode.BASELINE_FAILED,
                            "after changelog-sync to " + tag + " the " + "history of database " + row.database()
                                    + " ends at " + head + "; nothing recorded");
                }
                connection.commit();
                LOG.infof(
                        "Adoption of %s: changelog %s recorded as applied up to %s in database %s (baseline)",
                        row.slug(), log.location(), tag, row.database());
                return null;
            } catch (Exception e) {
                connection.rollback();
                return RowProblem.of(
                        TenantErrorCode.BASELINE_FAILED,
                        "changelog-sync to " + tag + " of database " + row.database() + " failed, nothing recorded: "
                                + rootMessage(e));
            }
        } catch (SQLException e) {
            return DatabaseInspector.classify(e, row, target);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, MIGRATION_LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void sync(TenantChangelog log, Connection jdbc, String tag) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(jdbc));
        try {
            LiquibaseSupport.inScope(log.newResourceAccessor(), () -> {
                new CommandScope(ChangelogSyncToTagCommandStep.COMMAND_NAME)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, log.path())
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(ChangelogSyncToTagCommandStep.TAG_ARG, tag)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
                return null;
            });
        } finally {
            Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor("jdbc", database);
        }
    }

    /**
     * {@code connection} as Liquibase sees it, keeping everything in the caller's one transaction (as the workers'
     * deferred-commit connection does): {@code commit()} only sets a savepoint, {@code rollback()} returns to the last
     * one (Liquibase rolls back after a failed existence probe on PostgreSQL), {@code setAutoCommit} and
     * {@code close()} do nothing. The caller commits or rolls back the real transaction.
     */
    static Connection swallowingCommits(Connection connection) throws SQLException {
        Savepoint[] last = {connection.setSavepoint()};
        return (Connection) Proxy.newProxyInstance(
                Baseline.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    boolean noArgs = args == null || args.length == 0;
                    switch (method.getName()) {
                        case "commit":
                            connection.releaseSavepoint(last[0]);
                            last[0] = connection.setSavepoint();
                            return null;
                        case "rollback":
                            if (noArgs) {
                                connection.rollback(last[0]);
                                return null;
                            }
                            break;
                        case "setAutoCommit":
                        case "close":
                            return null;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
