package dev.tenantfleet.worker.changelog;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.worker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * Parsed copies of the tenant changelog, reused from one tenant's command to the next. Parsing the changelog was the
 * largest part of a Liquibase command's own cost (bench/README.md), paid again for every tenant of a release. A command
 * takes an idle parse that fits its tenant (same changelog, same database values read while parsing) or parses a new
 * one; it gives the parse back only when it succeeded, so whatever state a failed run left on the changesets is
 * thrown away with them. At most {@code tenantfleet.migration.concurrency} parses are kept idle, the latest used.
 * {@code tenantfleet.changelog.reuse-parsed=false} parses once per command instead, as Liquibase does by itself.
 */
@ApplicationScoped
public class ParsedChangelogs {
    private final ConcurrentLinkedDeque<ParsedChangelog> idle = new ConcurrentLinkedDeque<>();
    private final boolean reuse;
    private final int keptIdle;
    private final AtomicLong parses = new AtomicLong();

    @Inject
    public ParsedChangelogs(WorkerConfig config) {
        this(config.changelog().reuseParsed(), config.migration().concurrency());
    }

    ParsedChangelogs(boolean reuse, int keptIdle) {
        this.reuse = reuse;
        this.keptIdle = keptIdle;
    }

    /** A parse lent to one command: its changelog, and {@link #giveBack()} once the command succeeded. */
    public final class Lease {
        private final ParsedChangelog parsed;
        private final DatabaseChangeLog changelog;

        private Lease(ParsedChangelog parsed, DatabaseChangeLog changelog) {
            this.parsed = parsed;
            this.changelog = changelog;
        }

        /** The parsed changelog to hand the command, or null when parses are not reused (the command parses). */
        public DatabaseChangeLog changelog() {
            return changelog;
        }

        /** Makes the parse available to the next command; only after a successful one. */
        public void giveBack() {
            if (parsed == null) {
                return;
            }
            idle.offerFirst(parsed);
            // Keep the most recently used: a fleet whose tenants need different parses keeps its latest ones.
            while (idle.size() > keptIdle) {
                idle.pollLast();
            }
        }
    }

    /**
     * A parse of {@code source} for the tenant of {@code database}, whose command parameters are {@code tenant} and
     * whose history before the command is {@code history}; runs in the Liquibase scope of the command (its resource
     * accessor reads the changelog).
     */
    public Lease lend(TenantChangelog source, Database database, ChangeLogParameters tenant, TenantHistory history)
            throws Exception {
        if (!reuse) {
            return new Lease(null, null);
        }
        ParsedChangelog parsed = takeFitting(source, tenant);
        if (parsed == null) {
            parsed = ParsedChangelog.parse(source, database);
            parses.incrementAndGet();
        }
        return new Lease(parsed, parsed.serve(tenant, atLatestChecksums(history)));
    }

    private static boolean atLatestChecksums(TenantHistory history) {
        String latest = ChecksumVersion.latest().getVersion() + ":";
        return history.applied().stream()
                .allMatch(row -> row.checksum() == null || row.checksum().startsWith(latest));
    }

    /** The parameters Liquibase's update command would build for {@code database}, to give the command. */
    public static ChangeLogParameters parametersFor(Database database) {
        return TenantParameters.forCommand(database);
    }

    /** How many times the changelog was parsed for a command (reuse off: none, the commands parse). */
    public long parses() {
        return parses.get();
    }

    private ParsedChangelog takeFitting(TenantChangelog source, ChangeLogParameters tenant) {
        for (Iterator<ParsedChangelog> it = idle.iterator(); it.hasNext(); ) {
            ParsedChangelog candidate = it.next();
            if (candidate.fits(source, tenant) && idle.removeFirstOccurrence(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
