package dev.tenantfleet.worker.migrate;

import dev.tenantfleet.changelog.ChangeSetInfo;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.changelog.TenantPlan;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.worker.handler.LiquibaseRun;
import dev.tenantfleet.worker.tenantdb.failure.TenantWorkException;
import dev.tenantfleet.worker.tenantdb.guard.LiquibaseLockRow;
import dev.tenantfleet.worker.tenantdb.session.Histories;
import dev.tenantfleet.worker.tenantdb.session.LiquibaseCommand;
import dev.tenantfleet.worker.tenantdb.session.OneTransaction;
import dev.tenantfleet.worker.tenantdb.session.RunningChangeSetListener;
import dev.tenantfleet.worker.tenantdb.session.TenantSession;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;

/**
 * Migrates a locked tenant session to a target: all pending changesets in ONE transaction, so a failure or a timeout
 * leaves the tenant exactly at its old head. The one exception, only when the command allows it: changesets with
 * {@code runInTransaction="false"}; then the transactional prefix commits as one transaction and the rest runs
 * changeset by changeset, and a failure reports what did commit.
 */
@Singleton
public class LiquibaseUpdate extends LiquibaseRun<MigrateTenant> {

    public LiquibaseUpdate(LiquibaseCommand liquibase) {
        super(liquibase, MigrateTenant::timeoutSeconds);
    }

    @Override
    protected Work plan(TenantSession session, TenantChangelog changelog, TenantHistory before, MigrateTenant command) {
        TenantPlan plan = changelog.plan(before, command.targetTag());
        List<ChangeSetInfo> outside =
                plan.pending().stream().filter(cs -> !cs.runInTransaction()).toList();
        if (!outside.isEmpty() && !command.nonTransactionalAllowed()) {
            throw TenantWorkException.refused(nonTransactional(outside), before.head());
        }
        if (plan.pending().isEmpty() && !plan.drifted()) {
            return null;
        }
        return new Work() {
            @Override
            public void run(Guarded guarded) throws Exception {
                RunningChangeSetListener listener = guarded.listener();
                if (outside.isEmpty()) {
                    OneTransaction.run(
                            session,
                            guarded.guard(),
                            jdbc -> update(changelog, before, jdbc, listener, command.targetTag(), null),
                            jdbc -> {});
                    return;
                }
                int prefix = plan.pending().indexOf(outside.get(0));
                if (prefix > 0) {
                    OneTransaction.run(
                            session,
                            guarded.guard(),
                            jdbc -> update(changelog, before, jdbc, listener, null, prefix),
                            jdbc -> {});
                }
                guarded.nextPhase();
                changeSetByChangeSet(
                        session, jdbc -> update(changelog, before, jdbc, listener, command.targetTag(), null));
            }

            @Override
            public TenantWorkException failed(MigrationError error, TenantHistory after, Exception cause) {
                if (after != null && outside.isEmpty()) {
                    error = DriftCheck.reclassify(error, session, changelog, plan.pending());
                }
                if (after == null && !outside.isEmpty()) {
                    return new TenantWorkException(error, null, List.of(), cause);
                }
                // Without a non-transactional phase the transaction rolled back: the tenant is where it was.
                TenantHistory now = after == null ? before : after;
                return new TenantWorkException(error, now.head(), Histories.added(before, now), cause);
            }

            @Override
            public List<String> done(TenantHistory after) {
                return Histories.added(before, after);
            }
        };
    }

    /** Liquibase's own commit per changeset (non-transactional changesets need auto-commit), still cancellable. */
    private static void changeSetByChangeSet(TenantSession session, OneTransaction.Body body) throws Exception {
        Connection connection = session.connection();
        boolean done = false;
        try {
            body.run(session.liquibaseConnection().connection());
            LiquibaseLockRow.release(connection);
            done = true;
        } finally {
            if (!connection.getAutoCommit()) {
                if (done) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            }
        }
    }

    private void update(
            TenantChangelog changelog,
            TenantHistory before,
            Connection jdbc,
            RunningChangeSetListener listener,
            String targetTag,
            Integer count)
            throws Exception {
        String[] name = count != null
                ? UpdateCountCommandStep.COMMAND_NAME
                : targetTag != null ? UpdateToTagCommandStep.COMMAND_NAME : UpdateCommandStep.COMMAND_NAME;
        liquibase.execute(changelog, before, jdbc, listener, name, command -> {
            summaryOff(command);
            if (count != null) {
                command.addArgumentValue(UpdateCountCommandStep.COUNT_ARG, count);
            } else if (targetTag != null) {
                command.addArgumentValue(UpdateToTagCommandStep.TAG_ARG, targetTag);
            }
        });
    }

    private static void summaryOff(CommandScope command) {
        command.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG);
    }

    private static MigrationError nonTransactional(List<ChangeSetInfo> outside) {
        String keys = outside.stream().map(ChangeSetInfo::key).collect(Collectors.joining(", "));
        String message = "pending changeset(s) " + keys + " have runInTransaction=false and cannot run inside the"
                + " tenant's single release transaction; nothing was applied. Send the command with"
                + " allowNonTransactional=true to apply them (the tenant can then end between releases on failure)";
        return new MigrationError(
                MigrationErrorCode.NON_TRANSACTIONAL,
                message,
                MigrationErrorCode.NON_TRANSACTIONAL.hint(),
                outside.get(0).key());
    }
}
