package dev.tenantfleet.worker.handler;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.worker.tenantdb.failure.MigrationErrorClassifier;
import dev.tenantfleet.worker.tenantdb.failure.TenantWorkException;
import dev.tenantfleet.worker.tenantdb.guard.TimeoutGuard;
import dev.tenantfleet.worker.tenantdb.session.Histories;
import dev.tenantfleet.worker.tenantdb.session.LiquibaseCommand;
import dev.tenantfleet.worker.tenantdb.session.RunningChangeSetListener;
import dev.tenantfleet.worker.tenantdb.session.TenantSession;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * The skeleton of one Liquibase run on a locked tenant session: read the history, release a stale Liquibase lock, plan
 * the work (or find there is none), run it under the per-tenant timeout, and report from what the database says
 * afterwards. A failure is classified (a fired timeout wins) and thrown as a {@link TenantWorkException} with where
 * the tenant stands. Update and rollback differ only in the {@link Work} they plan and in how they report it.
 *
 * Its subclasses are {@code @Singleton} beans: stateless, so they need no client proxy (which would want a no-args
 * constructor here).
 *
 * @param <C> the command
 */
public abstract class LiquibaseRun<C extends MigrationCommand> {
    protected final LiquibaseCommand liquibase;
    private final Function<C, Integer> timeoutSeconds;

    /** @param timeoutSeconds the command's per-tenant timeout; null for none */
    protected LiquibaseRun(LiquibaseCommand liquibase, Function<C, Integer> timeoutSeconds) {
        this.liquibase = liquibase;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * What one run did.
     *
     * @param changeSets the changesets it applied, in order, or (a rollback) rolled back, newest first
     *                   ({@code path::id::author})
     */
    public record Report(String headBefore, String headAfter, List<String> changeSets) {}

    /** The work one run planned. */
    protected interface Work {
        /** Runs it; {@code guarded} holds the timeout and the changeset running. */
        void run(Guarded guarded) throws Exception;

        /** What to throw after a failure classified as {@code error}; {@code after} is null when it cannot be read. */
        TenantWorkException failed(MigrationError error, TenantHistory after, Exception cause);

        /** The changesets to report once it succeeded and the tenant is at {@code after}. */
        List<String> done(TenantHistory after);
    }

    /**
     * Runs {@code command} on {@code session}.
     *
     * @throws TenantWorkException when it fails or is refused, with where the tenant stands
     * @throws SQLException        when the history cannot be read before the run
     */
    public Report run(TenantSession session, TenantChangelog changelog, C command) throws SQLException {
        TenantHistory before = TenantHistory.read(session.connection());
        Histories.releaseStaleLock(session);
        Work work = plan(session, changelog, before, command);
        if (work == null) {
            return new Report(before.head(), before.head(), List.of());
        }
        Guarded guarded = new Guarded(session, timeoutSeconds.apply(command));
        try {
            work.run(guarded);
        } catch (TenantWorkException e) {
            throw e;
        } catch (Exception e) {
            MigrationError error = guarded.error(e);
            throw work.failed(error, Histories.afterFailure(session), e);
        } finally {
            guarded.stop();
        }
        TenantHistory after = TenantHistory.read(session.connection());
        return new Report(before.head(), after.head(), work.done(after));
    }

    /**
     * The work for {@code command}, or null when there is nothing to do.
     *
     * @throws TenantWorkException to refuse the command before anything is touched
     */
    protected abstract Work plan(TenantSession session, TenantChangelog changelog, TenantHistory before, C command);

    /** The per-tenant timeout of a run and the changeset it is running. */
    protected static final class Guarded {
        private final TenantSession session;
        private final Integer seconds;
        private final RunningChangeSetListener listener = new RunningChangeSetListener();
        private TimeoutGuard guard;

        private Guarded(TenantSession session, Integer seconds) {
            this.session = session;
            this.seconds = seconds;
            this.guard = session.startTimeout(seconds);
        }

        /** The guard of the current phase. */
        public TimeoutGuard guard() {
            return guard;
        }

        /** Arms the guard of a further phase, sharing the run's deadline; the earlier phase stopped its own. */
        public TimeoutGuard nextPhase() {
            guard = session.startTimeout(seconds);
            return guard;
        }

        /** Tells which changeset is running, for Liquibase. */
        public RunningChangeSetListener listener() {
            return listener;
        }

        private MigrationError error(Exception failure) {
            return guard.fired()
                    ? guard.error(listener.changeSet())
                    : MigrationErrorClassifier.classify(failure, listener.changeSet());
        }

        private void stop() {
            guard.stop();
        }
    }
}
