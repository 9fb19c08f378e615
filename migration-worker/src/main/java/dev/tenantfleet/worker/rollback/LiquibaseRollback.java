package dev.tenantfleet.worker.rollback;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.worker.handler.LiquibaseRun;
import dev.tenantfleet.worker.tenantdb.failure.TenantWorkException;
import dev.tenantfleet.worker.tenantdb.session.LiquibaseCommand;
import dev.tenantfleet.worker.tenantdb.session.OneTransaction;
import dev.tenantfleet.worker.tenantdb.session.TenantSession;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import liquibase.command.core.RollbackCountCommandStep;

/**
 * Rolls a release back on a locked tenant session: Liquibase rolls back exactly that many changesets, newest first, in
 * ONE transaction, which commits only if the history then lacks exactly the release's changesets. A failure leaves the
 * tenant unchanged, so it reports no changeset.
 */
@Singleton
public class LiquibaseRollback extends LiquibaseRun<RollbackTenant> {

    public LiquibaseRollback(LiquibaseCommand liquibase) {
        super(liquibase, RollbackTenant::timeoutSeconds);
    }

    @Override
    protected Work plan(
            TenantSession session, TenantChangelog changelog, TenantHistory before, RollbackTenant command) {
        if (!RollbackCheck.needed(before, command, changelog)) {
            return null;
        }
        int count = command.changeSets().size();
        return new Work() {
            @Override
            public void run(Guarded guarded) throws Exception {
                OneTransaction.run(
                        session,
                        guarded.guard(),
                        jdbc -> liquibase.execute(
                                changelog,
                                before,
                                jdbc,
                                guarded.listener(),
                                RollbackCountCommandStep.COMMAND_NAME,
                                scope -> scope.addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)),
                        connection -> verifyRemoved(before, TenantHistory.read(connection), command));
            }

            @Override
            public TenantWorkException failed(MigrationError error, TenantHistory after, Exception cause) {
                return new TenantWorkException(error, (after == null ? before : after).head(), List.of(), cause);
            }

            @Override
            public List<String> done(TenantHistory after) {
                List<String> newestFirst = new ArrayList<>(command.changeSets());
                Collections.reverse(newestFirst);
                return newestFirst;
            }
        };
    }

    /** Inside the transaction: Liquibase must have removed exactly the release's changesets, else nothing commits. */
    private static void verifyRemoved(TenantHistory before, TenantHistory after, RollbackTenant command) {
        List<String> expected = before.keys()
                .subList(0, before.keys().size() - command.changeSets().size());
        if (!after.keys().equals(expected)) {
            List<String> removed = new ArrayList<>(before.keys());
            removed.removeAll(after.keys());
            String message = "Liquibase rolled back " + removed + " instead of exactly the release's changesets; the"
                    + " rollback transaction was rolled back, the tenant is unchanged";
            throw TenantWorkException.refused(
                    new MigrationError(
                            MigrationErrorCode.ROLLBACK_MISMATCH,
                            message,
                            MigrationErrorCode.ROLLBACK_MISMATCH.hint(),
                            null),
                    before.head());
        }
    }
}
