package dev.tenantfleet.changelog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.resource.ResourceAccessor;

/**
 * A tenant changelog, parsed once: its changesets (with rollback support and safety warnings), its tags in changelog
 * order, its {@link ChangelogDigest digest}, and how a tenant's {@link TenantHistory} compares with it. Immutable and
 * thread-safe.
 */
public final class TenantChangelog {
    /** Prefix of a class-path location. */
    public static final String CLASSPATH_PREFIX = ChangelogLocation.CLASSPATH_PREFIX;

    private final ChangelogLocation source;
    private final String digest;
    private final List<ChangeSetInfo> changeSets;
    private final Map<String, ChangeSetInfo> byKey = new HashMap<>();
    private final Map<String, Integer> tagEnds = new LinkedHashMap<>();
    private final ChangelogChecksums checksums;

    private TenantChangelog(ChangelogLocation source, String digest, List<ChangeSetInfo> changeSets,
            ChangelogChecksums checksums) {
        this.source = source;
        this.digest = digest;
        this.changeSets = List.copyOf(changeSets);
        this.checksums = checksums;
        for (int i = 0; i < this.changeSets.size(); i++) {
            ChangeSetInfo info = this.changeSets.get(i);
            byKey.putIfAbsent(info.key(), info);
            if (info.tag() != null) {
                tagEnds.putIfAbsent(info.tag(), i + 1);
            }
        }
    }

    /**
     * Parses the changelog at {@code location}: {@code classpath:<resource>} or a file-system path to the master
     * changelog file (includes resolve against its folder).
     *
     * @throws IllegalStateException when it cannot be found or parsed
     */
    public static TenantChangelog load(String location) {
        LiquibaseSupport.init();
        ChangelogLocation source = ChangelogLocation.of(location);
        List<ChangeSet> parsed = source.parse().getChangeSets();
        try {
            // The digest is computed exactly as the first worker did (no database in scope), so digests stay comparable.
            String digest = LiquibaseSupport.inScope(source.newResourceAccessor(), () -> ChangelogDigest.ofChangeSets(parsed));
            Database postgres = LiquibaseSupport.offlinePostgres();
            return LiquibaseSupport.inScope(source.newResourceAccessor(), postgres, () -> new TenantChangelog(source,
                    digest, ChangeSetInfos.of(parsed, postgres), ChangelogChecksums.of(source, parsed)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot analyse changelog " + location + ": " + e.getMessage(), e);
        }
    }

    /** The location, as given to {@link #load}. */
    public String location() {
        return source.location();
    }

    /** {@code sha256:<hex>}, see {@link ChangelogDigest}. */
    public String digest() {
        return digest;
    }

    /** Tags set by {@code tagDatabase} changesets, in changelog order. */
    public List<String> tags() {
        return List.copyOf(tagEnds.keySet());
    }

    /** The last tag (the changelog's head release), or null when it has none. */
    public String head() {
        List<String> tags = tags();
        return tags.isEmpty() ? null : tags.get(tags.size() - 1);
    }

    /** Every changeset, in changelog order. */
    public List<ChangeSetInfo> changeSets() {
        return changeSets;
    }

    /** The changeset with this key ({@code filePath::id::author}). */
    public Optional<ChangeSetInfo> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The changesets up to and including the {@code tagDatabase} changeset of {@code tag}.
     *
     * @throws IllegalArgumentException when the changelog has no such tag
     */
    public List<ChangeSetInfo> upTo(String tag) {
        Integer end = tagEnds.get(tag);
        if (end == null) {
            throw new IllegalArgumentException("tag '" + tag + "' is not in changelog " + location() + "; its tags are "
                    + tags());
        }
        return changeSets.subList(0, end);
    }

    /**
     * What migrating a tenant with {@code history} to {@code targetTag} (null: the whole changelog) would do:
     * pending = the changesets up to the target that Liquibase would run (not applied, {@code runAlways}, or
     * {@code runOnChange} with a changed checksum); drift = applied changesets unknown to the changelog or whose
     * checksum changed (compared with the checksum version the row was written with).
     *
     * @throws IllegalArgumentException when the changelog has no such tag
     */
    public TenantPlan plan(TenantHistory history, String targetTag) {
        Map<String, AppliedChangeSet> applied = new HashMap<>();
        for (AppliedChangeSet row : history.applied()) {
            applied.put(row.key(), row);
        }
        List<ChangeSetInfo> pending = new ArrayList<>();
        for (ChangeSetInfo info : targetTag == null ? changeSets : upTo(targetTag)) {
            AppliedChangeSet row = applied.get(info.key());
            ChangelogChecksums.Facts facts = checksums.facts(info.key());
            if (row == null || facts.runAlways()
                    || facts.runOnChange() && checksums.mismatch(info.key(), row.checksum()) != null) {
                pending.add(info);
            }
        }
        List<String> drift = new ArrayList<>();
        for (AppliedChangeSet row : history.applied()) {
            ChangelogChecksums.Facts facts = checksums.facts(row.key());
            String mismatch = facts == null ? "it is applied to the tenant but not in the changelog"
                    : facts.runOnChange() ? null : checksums.mismatch(row.key(), row.checksum());
            if (mismatch != null) {
                drift.add(row.key() + ": " + mismatch);
            }
        }
        return new TenantPlan(history.head(), pending, drift);
    }

    /** The master changelog's path relative to {@link #newResourceAccessor()}'s root: what Liquibase commands take. */
    public String path() {
        return source.path();
    }

    /** Whether the changelog is read from the class path. */
    public boolean classpath() {
        return source.classpath();
    }

    /** A resource accessor that reads the changelog's files; a fresh one per use, they are cheap. */
    public ResourceAccessor newResourceAccessor() {
        return source.newResourceAccessor();
    }

    /** A fresh parse of the changelog (Liquibase's changesets are mutable, so never share one between runs). */
    public DatabaseChangeLog parse() {
        return source.parse();
    }
}
