package dev.tenantfleet.worker.changelog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * The tenant changelog the worker applies, parsed once: where it is read from, its tags in changelog order and its
 * {@link ChangelogDigest digest}.
 *
 * @param location   the configured location, as given
 * @param path       the master changelog's path relative to the resource accessor's root
 * @param classpath  whether it is read from the class path (else from {@link #directory})
 * @param directory  folder of the master changelog when read from the file system, else null
 * @param changeSets number of changesets
 * @param tags       tags set by {@code tagDatabase} changesets, in changelog order
 * @param digest     the changelog digest
 */
public record TenantChangelog(String location, String path, boolean classpath, Path directory, int changeSets,
        List<String> tags, String digest) {
    /** Prefix of a class-path location. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    public TenantChangelog {
        tags = List.copyOf(tags);
    }

    /** The last tag of the changelog (its head release), or null when it has none. */
    public String head() {
        return tags.isEmpty() ? null : tags.get(tags.size() - 1);
    }

    /** A resource accessor rooted where {@link #path} is resolved; a fresh one per use, they are cheap. */
    public ResourceAccessor newResourceAccessor() {
        if (classpath) {
            return new ClassLoaderResourceAccessor(classLoader());
        }
        try {
            return new DirectoryResourceAccessor(directory);
        } catch (Exception e) {
            throw new IllegalStateException("changelog folder " + directory + " cannot be read", e);
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
        String trimmed = location.trim();
        boolean classpath = trimmed.startsWith(CLASSPATH_PREFIX);
        String path;
        Path directory = null;
        if (classpath) {
            path = trimmed.substring(CLASSPATH_PREFIX.length());
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
        } else {
            Path file = Path.of(trimmed.startsWith("file:") ? trimmed.substring("file:".length()) : trimmed)
                    .toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("changelog file " + file + " does not exist");
            }
            directory = file.getParent();
            path = file.getFileName().toString();
        }
        TenantChangelog unparsed = new TenantChangelog(location, path, classpath, directory, 0, List.of(), "");
        DatabaseChangeLog changeLog = unparsed.parse();
        List<ChangeSet> changeSets = changeLog.getChangeSets();
        List<String> tags = new ArrayList<>();
        for (ChangeSet changeSet : changeSets) {
            for (Change change : changeSet.getChanges()) {
                if (change instanceof TagDatabaseChange tag && tag.getTag() != null) {
                    tags.add(tag.getTag());
                }
            }
        }
        String digest;
        try {
            digest = LiquibaseSupport.inScope(unparsed.newResourceAccessor(), () -> ChangelogDigest.ofChangeSets(changeSets));
        } catch (Exception e) {
            throw new IllegalStateException("cannot compute the checksums of changelog " + location + ": " + e.getMessage(), e);
        }
        return new TenantChangelog(location, path, classpath, directory, changeSets.size(), tags, digest);
    }

    /** Parses the changelog (without a database). */
    public DatabaseChangeLog parse() {
        ResourceAccessor accessor = newResourceAccessor();
        try {
            return LiquibaseSupport.inScope(accessor, () -> ChangeLogParserFactory.getInstance().getParser(path, accessor)
                    .parse(path, new ChangeLogParameters(), accessor));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read changelog " + location + ": " + e.getMessage(), e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : TenantChangelog.class.getClassLoader();
    }
}
