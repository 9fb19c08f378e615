package dev.tenantfleet.changelog;

import java.nio.file.Files;
import java.nio.file.Path;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Where a master changelog is read from.
 *
 * @param location  the location as configured
 * @param path      the master changelog's path relative to the resource accessor's root
 * @param classpath whether it is read from the class path (else from {@code directory})
 * @param directory folder of the master changelog when read from the file system, else null
 */
record ChangelogLocation(String location, String path, boolean classpath, Path directory) {
    static final String CLASSPATH_PREFIX = "classpath:";

    /** Reads {@code classpath:<resource>} or a file-system path (optionally {@code file:}) to the master changelog. */
    static ChangelogLocation of(String location) {
        String trimmed = location.trim();
        if (trimmed.startsWith(CLASSPATH_PREFIX)) {
            String path = trimmed.substring(CLASSPATH_PREFIX.length());
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            return new ChangelogLocation(location, path, true, null);
        }
        Path file = Path.of(trimmed.startsWith("file:") ? trimmed.substring("file:".length()) : trimmed)
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("changelog file " + file + " does not exist");
        }
        return new ChangelogLocation(location, file.getFileName().toString(), false, file.getParent());
    }

    /** A resource accessor rooted where {@link #path} resolves; a fresh one per use, they are cheap. */
    ResourceAccessor newResourceAccessor() {
        if (classpath) {
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            return new ClassLoaderResourceAccessor(tccl != null ? tccl : ChangelogLocation.class.getClassLoader());
        }
        try {
            return new DirectoryResourceAccessor(directory);
        } catch (Exception e) {
            throw new IllegalStateException("changelog folder " + directory + " cannot be read", e);
        }
    }

    /** Parses the changelog (without a database). */
    DatabaseChangeLog parse() {
        ResourceAccessor accessor = newResourceAccessor();
        try {
            return LiquibaseSupport.inScope(accessor, () -> ChangeLogParserFactory.getInstance().getParser(path, accessor)
                    .parse(path, new ChangeLogParameters(), accessor));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read changelog " + location + ": " + e.getMessage(), e);
        }
    }
}
