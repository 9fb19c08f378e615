package dev.tenantfleet.worker.tenantdb.session;

import dev.tenantfleet.changelog.LiquibaseSupport;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.worker.changelog.ParsedChangelogs;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.sql.Connection;
import java.util.function.Consumer;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.executor.ExecutorService;

/** Runs one Liquibase command (update, rollback ...) of the tenant changelog on a tenant connection. */
@ApplicationScoped
public class LiquibaseCommand {
    private final ParsedChangelogs parsedChangelogs;

    public LiquibaseCommand(ParsedChangelogs parsedChangelogs) {
        this.parsedChangelogs = parsedChangelogs;
    }

    /**
     * Runs command {@code name} on {@code jdbc} (a fresh Liquibase {@link Database} each time, so no history is cached
     * between runs), with the changelog (a reused parse, see {@link ParsedChangelogs}), the database and
     * {@code listener} set; {@code arguments} adds the rest. {@code history} is the tenant's history read before.
     */
    public void execute(
            TenantChangelog changelog,
            TenantHistory history,
            Connection jdbc,
            ChangeExecListener listener,
            String[] name,
            Consumer<CommandScope> arguments)
            throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(jdbc));
        try {
            LiquibaseSupport.inScope(changelog.newResourceAccessor(), () -> {
                ChangeLogParameters parameters = ParsedChangelogs.parametersFor(database);
                ParsedChangelogs.Lease lease = parsedChangelogs.lend(changelog, database, parameters, history);
                CommandScope command = new CommandScope(name)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, changelog.path())
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener)
                        .setOutput(OutputStream.nullOutputStream());
                if (lease.changelog() != null) {
                    // Takes precedence over the file: Liquibase then skips its own parse.
                    command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, lease.changelog());
                }
                arguments.accept(command);
                command.execute();
                lease.giveBack();
                return null;
            });
        } finally {
            Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor("jdbc", database);
        }
    }
}
