package dev.tenantfleet.worker.handler;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.worker.changelog.ChangelogSource;
import dev.tenantfleet.worker.tenantdb.failure.CommandChecks;
import dev.tenantfleet.worker.tenantdb.failure.MigrationErrorClassifier;
import dev.tenantfleet.worker.tenantdb.failure.TenantWorkException;
import dev.tenantfleet.worker.tenantdb.failure.WorkInterruptedException;
import dev.tenantfleet.worker.tenantdb.session.TenantSessions;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The skeleton of every per-tenant command: refuse a foreign changelog digest (and what {@link #refuse} adds) or
 * undecryptable credentials before touching the database, run its {@link LiquibaseRun} on a locked session, and turn the outcome
 * into the result to publish. Never throws for a failed run: every failure becomes a failure result. The two kinds of
 * command differ only in what runs on the session and in the results they build.
 *
 * Its subclasses are {@code @Singleton} beans: stateless, so they need no client proxy (which would want a no-args
 * constructor here).
 *
 * @param <C> the command
 */
public abstract class TenantCommandHandler<C extends MigrationCommand> {
    private final Logger log;
    private final ChangelogSource changelogSource;
    private final CredentialCipher cipher;
    private final TenantSessions sessions;
    private final LiquibaseRun<C> liquibase;

    /** @param liquibase what runs on the locked session */
    protected TenantCommandHandler(
            Logger log,
            ChangelogSource changelogSource,
            CredentialCipher cipher,
            TenantSessions sessions,
            LiquibaseRun<C> liquibase) {
        this.log = log;
        this.changelogSource = changelogSource;
        this.cipher = cipher;
        this.sessions = sessions;
        this.liquibase = liquibase;
    }

    /** The command, its tenant and the start of the run, as the template hands them to the hooks. */
    public record Run<C>(C command, TenantChangelog changelog, String label, long started) {
        /** Milliseconds since the run started. */
        public long millis() {
            return Duration.ofNanos(System.nanoTime() - started).toMillis();
        }
    }

    /**
     * Runs {@code command}.
     *
     * @throws WorkInterruptedException when the worker thread is interrupted (shutdown)
     */
    public MigrationResult handle(C command) {
        long started = System.nanoTime();
        TenantChangelog changelog = changelogSource.changelog();
        Target target = target(command);
        Run<C> run = new Run<>(command, changelog, target.label() + " command " + command.commandId(), started);
        log.infof("%s: started, %s", run.label(), target.startDetails());
        MigrationResult result;
        try {
            result = attempt(run, target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warnf("%s: interrupted, the command goes back to the queue", run.label());
            throw new WorkInterruptedException(e);
        } catch (RuntimeException e) {
            log.errorf(e, "%s: unexpected error", run.label());
            result = failure(run, MigrationErrorClassifier.classify(e, null), null, List.of());
        }
        return result;
    }

    private MigrationResult attempt(Run<C> run, Target target) throws InterruptedException {
        try {
            CommandChecks.sameChangelog(target.changelogDigest(), run.changelog());
            refuse(run.command(), run.changelog());
            String password = CommandChecks.password(cipher, target.connection().password());
            LiquibaseRun.Report report = sessions.run(
                    run.label(),
                    target.connection(),
                    password,
                    session -> liquibase.run(session, run.changelog(), run.command()));
            MigrationResult result = succeeded(run, report);
            log.infof(
                    "%s: %s, head %s -> %s in %d ms",
                    run.label(),
                    done(report.changeSets().size()),
                    report.headBefore(),
                    report.headAfter(),
                    result.durationMillis());
            return result;
        } catch (TenantWorkException e) {
            return failure(run, e.error(), e.headAfter(), e.applied());
        }
    }

    private MigrationResult failure(Run<C> run, MigrationError error, String headAfter, List<String> applied) {
        MigrationResult result = failed(run, error, headAfter, applied);
        log.warnf(
                "%s: failed with %s (%s)%s, head %s in %d ms",
                run.label(),
                error.code(),
                error.message(),
                doneBeforeFailure(result.appliedChangeSets().size()),
                result.headAfter(),
                result.durationMillis());
        return result;
    }

    /**
     * What a command aims at.
     *
     * @param label           what runs, for logs: the command type and the tenant slug (e.g. {@code migrate-tenant acme})
     * @param startDetails    what the start log line says after "started, "
     * @param changelogDigest the changelog digest the command expects; null skips the check
     * @param connection      the tenant database
     */
    public record Target(String label, String startDetails, String changelogDigest, TenantConnection connection) {}

    /** What {@code command} aims at. */
    protected abstract Target target(C command);

    /**
     * Further refusals before the database is touched; none by default.
     *
     * @throws TenantWorkException to refuse
     */
    protected void refuse(C command, TenantChangelog changelog) {}

    /** The result of a run whose work reported {@code report}. */
    protected abstract MigrationResult succeeded(Run<C> run, LiquibaseRun.Report report);

    /** The result of a failed or refused run, with where the tenant stands. */
    protected abstract MigrationResult failed(Run<C> run, MigrationError error, String headAfter, List<String> applied);

    /** What the log says a successful run did with {@code count} changesets (e.g. "migrated, 3 changesets applied"). */
    protected abstract String done(int count);

    /** What the log says of the {@code count} changesets a failed run left done (e.g. ", 1 changesets applied"). */
    protected abstract String doneBeforeFailure(int count);
}
