package dev.tenantfleet.worker.rollback;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.worker.tenantdb.Histories;
import dev.tenantfleet.worker.tenantdb.LiquibaseCommand;
import dev.tenantfleet.worker.tenantdb.MigrationErrorClassifier;
import dev.tenantfleet.worker.tenantdb.OneTransaction;
import dev.tenantfleet.worker.tenantdb.RunningChangeSetListener;
import dev.tenantfleet.worker.tenantdb.TenantSession;
import dev.tenantfleet.worker.tenantdb.TenantWorkException;
import dev.tenantfleet.worker.tenantdb.TimeoutGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import liquibase.command.core.RollbackCountCommandStep;

/**
 * Rolls a release back on a locked tenant session: Liquibase rolls back exactly that many changesets, newest first, in
 * ONE transaction, which commits only if the history then lacks exactly the release's changesets.
 */
@ApplicationScoped
public class LiquibaseRollback {
    private final LiquibaseCommand liquibase;

    public LiquibaseRollback(LiquibaseCommand liquibase) {
        this.liquibase = liquibase;
    }

    /**
     * What one rollback did.
     *
     * @param rolledBack the changesets rolled back, newest first ({@code path::id::author})
     */
    public record Report(String headBefore, String headAfter, List<String> rolledBack) {
    }

    /**
     * Runs {@code command} on {@code session}.
     *
     * @throws TenantWorkException when it is refused or fails; the tenant is then unchanged
     * @throws SQLException        when the history cannot be read before the run
     */
    public Report run(TenantSession session, TenantChangelog changelog, RollbackTenant command) throws SQLException {
        TenantHistory before = TenantHistory.read(session.connection());
        Histories.releaseStaleLock(session);
        if (!RollbackCheck.needed(before, command, changelog)) {
            return new Report(before.head(), before.head(), List.of());
        }
        int count = command.changeSets().size();
        RunningChangeSetListener listener = new RunningChangeSetListener();
        TimeoutGuard guard = session.startTimeout(command.timeoutSeconds());
        try {
            OneTransaction.run(session, guard,
                    jdbc -> liquibase.execute(changelog, before, jdbc, listener, RollbackCountCommandStep.COMMAND_NAME,
                            scope -> scope.addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)),
                    connection -> verifyRemoved(before, TenantHistory.read(connection), command));
        } catch (TenantWorkException e) {
            throw e;
        } catch (Exception e) {
            MigrationError error = guard.fired() ? guard.error(listener.changeSet())
                    : MigrationErrorClassifier.classify(e, listener.changeSet());
            TenantHistory after = Histories.afterFailure(session);
            throw new TenantWorkException(error, (after == null ? before : after).head(), List.of(), e);
        } finally {
            guard.stop();
        }
        TenantHistory after = TenantHistory.read(session.connection());
        List<String> newestFirst = new ArrayList<>(command.changeSets());
        Collections.reverse(newestFirst);
        return new Report(before.head(), after.head(), newestFirst);
    }

    /** Inside the transaction: Liquibase must have removed exactly the release's changesets, else nothing commits. */
    private static void verifyRemoved(TenantHistory before, TenantHistory after, RollbackTenant command) {
        List<String> expected = before.keys().subList(0, before.keys().size() - command.changeSets().size());
        if (!after.keys().equals(expected)) {
            List<String> removed = new ArrayList<>(before.keys());
            removed.removeAll(after.keys());
            String message = "Liquibase rolled back " + removed + " instead of exactly the release's changesets; the"
                    + " rollback transaction was rolled back, the tenant is unchanged";
            throw TenantWorkException.refused(new MigrationError(MigrationErrorCode.ROLLBACK_MISMATCH, message,
                    MigrationErrorCode.ROLLBACK_MISMATCH.hint(), null), before.head());
        }
    }
}
