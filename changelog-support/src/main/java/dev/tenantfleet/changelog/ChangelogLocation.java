package dev.tenantfleet.changelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.resource.ZipResourceAccessor;

/**
 * Where a master changelog is read from, and the root its paths (and so the file paths Liquibase records in
 * DATABASECHANGELOG) are relative to. Accepted forms:
 * <ul>
 * <li>{@code classpath:<resource>}: from the class path;</li>
 * <li>{@code /path/to/master.yaml} (optionally {@code file:}): that file, its folder is the root;</li>
 * <li>{@code /path/to/dir}: a directory, the root, holding a master discovered by {@link #MASTER_NAMES};</li>
 * <li>{@code /path/to/app.jar} (or {@code .zip}, optionally {@code jar:}): an archive, the root, master discovered;</li>
 * <li>{@code <root>!/<master>}: a directory or an archive as the root and the master's path inside it, e.g.
 * {@code jar:/opt/app/app.jar!/db/changelog/db.changelog-master.yaml} or
 * {@code /srv/app/src/main/resources!/db/changelog/db.changelog-master.yaml}. The path inside is the one Liquibase
 * records, so choose the root the fleet's existing history was written from.</li>
 * </ul>
 *
 * @param location the location as configured
 * @param path     the master changelog's path relative to the root
 * @param kind     where the root is
 * @param root     the root directory or archive; null on the class path
 */
record ChangelogLocation(String location, String path, Kind kind, Path root) {
    static final String CLASSPATH_PREFIX = "classpath:";
    /** Separates a root (directory or archive) from the master's path inside it. */
    static final String INSIDE = "!/";
    /** Master file names looked for in a directory or archive, in each of {@link #DISCOVERY_FOLDERS}. */
    static final List<String> MASTER_NAMES = List.of(
            "db.changelog-master.xml",
            "db.changelog-master.yaml",
            "db.changelog-master.yml",
            "db.changelog-master.json",
            "db.changelog-master.sql");
    /** Folders (relative to the root) searched for a master, in order: the root, then Spring Boot's default. */
    static final List<String> DISCOVERY_FOLDERS = List.of("", "db/changelog/");

    /** Where the root of a changelog is. */
    enum Kind {
        CLASSPATH,
        DIRECTORY,
        ARCHIVE
    }

    /** Reads one of the forms in the class comment. */
    static ChangelogLocation of(String location) {
        String trimmed = location.trim();
        if (trimmed.startsWith(CLASSPATH_PREFIX)) {
            return new ChangelogLocation(
                    location, stripSlashes(trimmed.substring(CLASSPATH_PREFIX.length())), Kind.CLASSPATH, null);
        }
        String text = strip(strip(trimmed, "jar:"), "file:");
        int inside = text.indexOf(INSIDE);
        Path root = Path.of(inside >= 0 ? text.substring(0, inside) : text)
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(root)) {
            throw new IllegalStateException("changelog location " + location + ": " + root + " does not exist");
        }
        if (inside >= 0) {
            String master = stripSlashes(text.substring(inside + INSIDE.length()));
            if (master.isEmpty()) {
                return discover(location, root);
            }
            ChangelogLocation named = new ChangelogLocation(location, master, kindOf(location, root), root);
            if (!named.contains(master)) {
                throw new IllegalStateException(
                        "changelog location " + location + ": " + root + " has no file " + master);
            }
            return named;
        }
        if (Files.isDirectory(root) || isArchive(root)) {
            return discover(location, root);
        }
        return new ChangelogLocation(location, root.getFileName().toString(), Kind.DIRECTORY, root.getParent());
    }

    /** The master in a directory or archive: exactly one of {@link #MASTER_NAMES}, in the first folder having any. */
    private static ChangelogLocation discover(String location, Path root) {
        ChangelogLocation probe = new ChangelogLocation(location, "", kindOf(location, root), root);
        List<String> looked = new ArrayList<>();
        for (String folder : DISCOVERY_FOLDERS) {
            List<String> found = new ArrayList<>();
            for (String name : MASTER_NAMES) {
                looked.add(folder + name);
                if (probe.contains(folder + name)) {
                    found.add(folder + name);
                }
            }
            if (found.size() > 1) {
                throw new IllegalStateException("changelog location " + location + ": " + root + " has several master "
                        + "changelogs " + found + "; name the one to use: " + root + INSIDE + found.get(0));
            }
            if (found.size() == 1) {
                return new ChangelogLocation(location, found.get(0), probe.kind(), root);
            }
        }
        throw new IllegalStateException("changelog location " + location + ": no master changelog in " + root
                + " (looked for " + looked + "); name it: " + root + INSIDE + "<path of the master inside it>");
    }

    private static Kind kindOf(String location, Path root) {
        if (Files.isDirectory(root)) {
            return Kind.DIRECTORY;
        }
        if (isArchive(root)) {
            return Kind.ARCHIVE;
        }
        throw new IllegalStateException("changelog location " + location + ": " + root
                + " is neither a directory nor a .jar or .zip archive, so it cannot hold the master changelog");
    }

    private static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".jar") || name.endsWith(".zip"));
    }

    private boolean contains(String relative) {
        if (kind == Kind.DIRECTORY) {
            return Files.isRegularFile(root.resolve(relative));
        }
        try (ZipFile zip = new ZipFile(root.toFile())) {
            return zip.getEntry(relative) != null && !zip.getEntry(relative).isDirectory();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "changelog location " + location + ": " + root + " cannot be read as a " + "jar or zip: "
                            + e.getMessage(),
                    e);
        }
    }

    /** Whether the changelog is read from the class path. */
    boolean classpath() {
        return kind == Kind.CLASSPATH;
    }

    /** A resource accessor rooted where {@link #path} resolves; a fresh one per use, they are cheap. */
    ResourceAccessor newResourceAccessor() {
        if (kind == Kind.CLASSPATH) {
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            return new ClassLoaderResourceAccessor(tccl != null ? tccl : ChangelogLocation.class.getClassLoader());
        }
        try {
            // ZipResourceAccessor shares one zip file system per archive (its close() leaves it open on purpose).
            return kind == Kind.ARCHIVE ? new ZipResourceAccessor(root) : new DirectoryResourceAccessor(root);
        } catch (Exception e) {
            throw new IllegalStateException("changelog root " + root + " cannot be read", e);
        }
    }

    /**
     * Parses the changelog (without a database). Parameters are filtered for PostgreSQL, as the worker's Liquibase
     * run filters them, so a {@code <property ... dbms="postgresql">} gives the same SQL, checksums and digest here.
     */
    DatabaseChangeLog parse() {
        ResourceAccessor accessor = newResourceAccessor();
        try {
            ChangeLogParameters parameters = new ChangeLogParameters();
            parameters.setDatabase(LiquibaseSupport.offlinePostgres().getShortName());
            return LiquibaseSupport.inScope(
                    accessor,
                    () -> ChangeLogParserFactory.getInstance()
                            .getParser(path, accessor)
                            .parse(path, parameters, accessor));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read changelog " + location + ": " + e.getMessage(), e);
        }
    }

    private static String strip(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length()) ? text.substring(prefix.length()) : text;
    }

    private static String stripSlashes(String path) {
        String result = path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        return result;
    }
}
