package dev.tenantfleet.changelog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseList;
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
    private final List<TableEffects> tableEffects;
    private final Map<String, List<SchemaChange>> schemaEffects;
    // changesets limited to other databases (dbms="oracle"): Liquibase skips them on PostgreSQL and records nothing
    private final Set<String> otherDatabases;
    // Liquibase matches history rows to changesets by normalised path, ignoring case (RanChangeSet.isSameAs): so do we.
    private final Map<String, String> keyByMatchKey = new HashMap<>();
    private final Map<String, List<String>> keysByIdAndAuthor = new HashMap<>();

    private TenantChangelog(
            ChangelogLocation source,
            String digest,
            List<ChangeSetInfo> changeSets,
            ChangelogChecksums checksums,
            List<TableEffects> tableEffects,
            Map<String, List<SchemaChange>> schemaEffects,
            Set<String> otherDatabases) {
        this.source = source;
        this.otherDatabases = Set.copyOf(otherDatabases);
        this.digest = digest;
        this.changeSets = List.copyOf(changeSets);
        this.checksums = checksums;
        this.tableEffects = List.copyOf(tableEffects);
        this.schemaEffects = Map.copyOf(schemaEffects);
        for (int i = 0; i < this.changeSets.size(); i++) {
            ChangeSetInfo info = this.changeSets.get(i);
            byKey.putIfAbsent(info.key(), info);
            keyByMatchKey.putIfAbsent(matchKey(info.filePath(), info.id(), info.author()), info.key());
            keysByIdAndAuthor
                    .computeIfAbsent(idAndAuthor(info.id(), info.author()), k -> new ArrayList<>())
                    .add(info.key());
            if (info.tag() != null) {
                tagEnds.putIfAbsent(info.tag(), i + 1);
            }
        }
    }

    /**
     * Parses the changelog at {@code location}: {@code classpath:<resource>}, a file-system path to the master
     * changelog file (includes resolve against its folder), a directory or a {@code .jar}/{@code .zip} holding a
     * {@code db.changelog-master.*}, or {@code <directory or archive>!/<path of the master inside it>}. Any format
     * Liquibase reads (XML, YAML, JSON, formatted SQL).
     *
     * @throws IllegalStateException when it cannot be found or parsed
     */
    public static TenantChangelog load(String location) {
        LiquibaseSupport.init();
        ChangelogLocation source = ChangelogLocation.of(location);
        List<ChangeSet> parsed = source.parse().getChangeSets();
        try {
            // The digest is computed exactly as the first worker did (no database in scope), so digests stay
            // comparable.
            String digest =
                    LiquibaseSupport.inScope(source.newResourceAccessor(), () -> ChangelogDigest.ofChangeSets(parsed));
            Database postgres = LiquibaseSupport.offlinePostgres();
            return LiquibaseSupport.inScope(
                    source.newResourceAccessor(),
                    postgres,
                    () -> new TenantChangelog(
                            source,
                            digest,
                            ChangeSetInfos.of(parsed, postgres),
                            ChangelogChecksums.of(source, parsed),
                            parsed.stream().map(TableEffects::of).toList(),
                            schemaEffects(parsed),
                            otherDatabases(parsed)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot analyse changelog " + location + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, List<SchemaChange>> schemaEffects(List<ChangeSet> parsed) {
        Map<String, List<SchemaChange>> effects = new HashMap<>();
        for (ChangeSet changeSet : parsed) {
            List<SchemaChange> changes = SchemaEffects.of(changeSet);
            if (!changes.isEmpty()) {
                effects.putIfAbsent(
                        ChangeSetInfo.key(changeSet.getStoredFilePath(), changeSet.getId(), changeSet.getAuthor()),
                        changes);
            }
        }
        return effects;
    }

    private static Set<String> otherDatabases(List<ChangeSet> parsed) {
        Set<String> keys = new HashSet<>();
        for (ChangeSet changeSet : parsed) {
            if (!DatabaseList.definitionMatches(changeSet.getDbmsSet(), "postgresql", true)) {
                keys.add(ChangeSetInfo.key(changeSet.getStoredFilePath(), changeSet.getId(), changeSet.getAuthor()));
            }
        }
        return keys;
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

    /**
     * Why {@code tag} cannot be what a release migrates tenants to (or a baseline records), or null when it can: a
     * changelog without tags has no releases, and an unknown tag is named with the tags there are.
     */
    public String whyNotATarget(String tag) {
        if (tagEnds.isEmpty()) {
            return "changelog " + location() + " has no tags: Tenant Fleet migrates tenants to a tag, so end each "
                    + "release of the changelog with a tagDatabase changeset (e.g. {tagDatabase: {tag: v1.0}} in YAML), "
                    + "then release to that tag";
        }
        if (tag == null || !tagEnds.containsKey(tag)) {
            return "tag '" + tag + "' is not in the changelog (" + location() + "); its tags are " + tags();
        }
        return null;
    }

    /**
     * The tables that exist once the changelog ran up to and including {@code tag}: created by {@code createTable} or
     * {@code CREATE TABLE} in those changesets, minus those dropped, renames followed. Lower case, {@code schema.table}
     * when the changelog names a schema. A heuristic (see {@link TableEffects}): used to check a baseline.
     *
     * @throws IllegalArgumentException when the changelog has no such tag
     */
    public List<String> tablesUpTo(String tag) {
        return TableEffects.fold(tableEffects.subList(0, upTo(tag).size()));
    }

    /**
     * The objects each of {@code pending} (a tenant's pending changesets, in changelog order) creates and that must
     * not exist before it runs, per changeset key; see {@link PendingObjects#find}.
     */
    public Map<String, List<SchemaObject>> objectsCreatedBy(List<ChangeSetInfo> pending) {
        return PendingObjects.expectedAbsent(pending, schemaEffects);
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
            throw new IllegalArgumentException(whyNotATarget(tag));
        }
        return changeSets.subList(0, end);
    }

    /**
     * The changesets a release from {@code fromTag} (exclusive; null: from the start) to {@code toTag} (inclusive)
     * spans, without those Liquibase skips on PostgreSQL ({@code dbms} limited to other databases): what a preflight
     * checks for rollback support and transactions.
     *
     * @throws IllegalArgumentException when the changelog has no such tag
     */
    public List<ChangeSetInfo> between(String fromTag, String toTag) {
        List<ChangeSetInfo> to = upTo(toTag);
        int from = fromTag == null ? 0 : Math.min(upTo(fromTag).size(), to.size());
        return to.subList(from, to.size()).stream()
                .filter(cs -> !otherDatabases.contains(cs.key()))
                .toList();
    }

    /**
     * What migrating a tenant with {@code history} to {@code targetTag} (null: the whole changelog) would do:
     * pending = the changesets up to the target that Liquibase would run on PostgreSQL (not applied, {@code runAlways},
     * or {@code runOnChange} with a changed checksum; none limited to other databases by {@code dbms}); drift = applied changesets unknown to the changelog or whose
     * checksum changed (compared with the checksum version the row was written with). A history row matches a
     * changeset as Liquibase matches it: same normalised file path ({@code classpath:}, a leading {@code /} and
     * backslashes do not count), id and author, ignoring case.
     *
     * @throws IllegalArgumentException when the changelog has no such tag
     */
    public TenantPlan plan(TenantHistory history, String targetTag) {
        Map<String, AppliedChangeSet> applied = new HashMap<>();
        Map<AppliedChangeSet, String> known = new HashMap<>();
        for (AppliedChangeSet row : history.applied()) {
            String key = changelogKeyOf(row.key());
            if (key != null) {
                applied.put(key, row);
                known.put(row, key);
            }
        }
        List<ChangeSetInfo> pending = new ArrayList<>();
        for (ChangeSetInfo info : targetTag == null ? changeSets : upTo(targetTag)) {
            if (otherDatabases.contains(info.key())) {
                continue;
            }
            AppliedChangeSet row = applied.get(info.key());
            ChangelogChecksums.Facts facts = checksums.facts(info.key());
            if (row == null
                    || facts.runAlways()
                    || facts.runOnChange() && checksums.mismatch(info.key(), row.checksum()) != null) {
                pending.add(info);
            }
        }
        List<String> drift = new ArrayList<>();
        for (AppliedChangeSet row : history.applied()) {
            String key = known.get(row);
            ChangelogChecksums.Facts facts = key == null ? null : checksums.facts(key);
            String mismatch = facts == null
                    ? unknown(row.key())
                    : facts.runOnChange() ? null : checksums.mismatch(key, row.checksum());
            if (mismatch != null) {
                drift.add(row.key() + ": " + mismatch);
            }
        }
        return new TenantPlan(history.head(), pending, drift);
    }

    /**
     * The key of the changeset a history row ({@code filePath::id::author} as stored) stands for, matched as Liquibase
     * matches it; null when the changelog has no such changeset.
     */
    public String changelogKeyOf(String storedKey) {
        String[] parts = storedKey.split("::", 3);
        return parts.length < 3 ? null : keyByMatchKey.get(matchKey(parts[0], parts[1], parts[2]));
    }

    /** Why an applied changeset is unknown; names the changelog's path when only the file path differs. */
    private String unknown(String storedKey) {
        String other = samePairElsewhere(storedKey);
        return other == null
                ? "it is applied to the tenant but not in the changelog"
                : "it is applied to the tenant but not in the changelog, which has it as " + other
                        + " (only the file path differs: another root, see docs/adopting.md)";
    }

    /** The changelog key with the same id and author as {@code storedKey} but another file path, else null. */
    private String samePairElsewhere(String storedKey) {
        String[] parts = storedKey.split("::", 3);
        List<String> samePair = parts.length < 3 ? null : keysByIdAndAuthor.get(idAndAuthor(parts[1], parts[2]));
        return samePair == null || samePair.size() != 1 ? null : samePair.get(0);
    }

    /**
     * When {@code history} records changesets of this changelog under other file paths (same id and author), why and
     * what to do: the history was written with another root (or {@code logicalFilePath}) than this location gives, so
     * every applied changeset looks unknown. Names a location whose root matches the history when one follows from
     * the paths (the history's paths have a folder more in front, or less). Null when no path differs.
     */
    public String rootMismatch(TenantHistory history) {
        String example = null;
        Set<String> prefixes = new LinkedHashSet<>();
        Set<String> extras = new LinkedHashSet<>();
        for (AppliedChangeSet row : history.applied()) {
            if (changelogKeyOf(row.key()) != null) {
                continue;
            }
            String other = samePairElsewhere(row.key());
            if (other == null) {
                continue;
            }
            String stored = DatabaseChangeLog.normalizePath(row.key().split("::", 3)[0]);
            String ours = other.split("::", 3)[0];
            if (example == null) {
                example = "'" + stored + "' where the changelog has '" + ours + "'";
            }
            if (stored.endsWith("/" + ours)) {
                prefixes.add(stored.substring(0, stored.length() - ours.length()));
            } else if (ours.endsWith("/" + stored)) {
                extras.add(ours.substring(0, ours.length() - stored.length()));
            } else {
                prefixes.add("?");
            }
        }
        if (example == null) {
            return null;
        }
        String message = "its history records the changelog's changesets under other file paths (" + example
                + "): it was written with another root or logicalFilePath than changelog location " + location()
                + " gives, so none of them would count as applied";
        String suggestion = suggestedLocation(prefixes, extras);
        return message
                + (suggestion == null
                        ? "; give both services the location whose root the history was written from (<root>!/<master>)"
                        : "; give both services TENANTFLEET_CHANGELOG_LOCATION=" + suggestion);
    }

    private String suggestedLocation(Set<String> prefixes, Set<String> extras) {
        if (source.root() == null || source.kind() != ChangelogLocation.Kind.DIRECTORY) {
            return null;
        }
        if (prefixes.size() == 1 && extras.isEmpty() && !prefixes.contains("?")) {
            String prefix = prefixes.iterator().next(); // e.g. "db/changelog/": the history's root is that far up
            Path up = source.root();
            for (String ignored : prefix.split("/")) {
                up = up == null ? null : up.getParent();
            }
            if (up != null
                    && up.resolve(prefix).normalize().equals(source.root().normalize())) {
                return up + ChangelogLocation.INSIDE + prefix + source.path();
            }
        }
        if (extras.size() == 1 && prefixes.isEmpty()) {
            String extra = extras.iterator().next(); // the history's root is deeper
            if (source.path().startsWith(extra)) {
                return source.root().resolve(extra).normalize()
                        + ChangelogLocation.INSIDE
                        + source.path().substring(extra.length());
            }
        }
        return null;
    }

    private static String matchKey(String filePath, String id, String author) {
        String path = DatabaseChangeLog.normalizePath(filePath);
        return (path == null ? "" : path.toLowerCase(Locale.ROOT)) + "::" + idAndAuthor(id, author);
    }

    private static String idAndAuthor(String id, String author) {
        return id.toLowerCase(Locale.ROOT) + "::" + author.toLowerCase(Locale.ROOT);
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
