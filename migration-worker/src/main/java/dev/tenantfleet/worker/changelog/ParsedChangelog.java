package dev.tenantfleet.worker.changelog;

import dev.tenantfleet.changelog.TenantChangelog;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;
import liquibase.resource.ResourceAccessor;

/**
 * One parse of the tenant changelog, made as Liquibase's update command makes it, to be handed to the commands of
 * several tenants in turn, one command at a time. Liquibase keeps per-run state on the parsed changesets (the checksum
 * it computed, the stored checksum and path it matched from the tenant's history, validation flags, lists of changesets
 * skipped by a precondition): {@link #serve} clears all of it first, so each tenant's command starts from the state a
 * fresh parse would have, but for the checksums computed for earlier tenants when they are what this one's command
 * would compute.
 */
final class ParsedChangelog {
    private final TenantChangelog source;
    private final DatabaseChangeLog changelog;
    private final TenantParameters parameters;
    private final Set<DatabaseChangeLog> files;
    // whether every checksum the changesets hold is of the latest checksum version (none is, right after the parse)
    private boolean checksumsAtLatest = true;

    private ParsedChangelog(TenantChangelog source, DatabaseChangeLog changelog, TenantParameters parameters) {
        this.source = source;
        this.changelog = changelog;
        this.parameters = parameters;
        Set<DatabaseChangeLog> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.add(changelog);
        changelog.getChangeSets().forEach(changeSet -> all.add(changeSet.getChangeLog()));
        this.files = all;
    }

    /**
     * Parses {@code source} for {@code database}, as {@code DatabaseChangelogCommandStep} does; must run in a Liquibase
     * scope whose resource accessor reads the changelog.
     */
    static ParsedChangelog parse(TenantChangelog source, Database database) throws Exception {
        ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
        TenantParameters parameters = new TenantParameters(database);
        ChangeLogParser parser = ChangeLogParserFactory.getInstance().getParser(source.path(), accessor);
        if (parser instanceof XMLChangeLogSAXParser xml) {
            xml.setShouldWarnOnMismatchedXsdVersion(false);
        }
        DatabaseChangeLog changelog = Scope.child(
                Map.of(Scope.Attr.database.name(), database), () -> parser.parse(source.path(), parameters, accessor));
        return new ParsedChangelog(source, changelog, parameters);
    }

    /** Whether this parse is what a fresh parse of {@code source} for the tenant of {@code tenant} would give. */
    boolean fits(TenantChangelog source, ChangeLogParameters tenant) {
        return this.source == source && parameters.sameAsParsedWith(tenant);
    }

    /**
     * Readies the parse for the next command, of the tenant {@code tenant} belongs to; returns the changelog.
     *
     * @param historyAtLatestChecksums whether every checksum in the tenant's history is of the latest version (or
     *                                 cleared): Liquibase then asks for latest-version checksums only, so those the
     *                                 changesets computed for an earlier such tenant are kept instead of computed again
     */
    DatabaseChangeLog serve(ChangeLogParameters tenant, boolean historyAtLatestChecksums) {
        // A changeset caches the first checksum asked for, whatever version later calls ask for: keep only latest ones.
        boolean keepChecksums = checksumsAtLatest && historyAtLatestChecksums && !parameters.answeredFromServedTenant();
        checksumsAtLatest = historyAtLatestChecksums;
        List<ChangeSet> changeSets = changelog.getChangeSets();
        for (ChangeSet changeSet : changeSets) {
            if (!keepChecksums) {
                changeSet.clearCheckSum();
            }
            changeSet.setStoredCheckSum(null);
            changeSet.setStoredFilePath(null);
            changeSet.setValidationFailed(false);
        }
        for (DatabaseChangeLog file : files) {
            file.getSkippedBecauseOfOsMismatchChangeSets().clear();
            file.getSkippedBecauseOfPreconditionsChangeSets().clear();
        }
        parameters.serve(tenant);
        return changelog;
    }
}
