package dev.tenantfleet.changelog;

import java.util.List;
import java.util.Objects;

/**
 * One changeset of a tenant changelog.
 *
 * @param key               {@code filePath::id::author}, as DATABASECHANGELOG identifies it (filePath is the logical
 *                          file path when one is set)
 * @param runInTransaction  false for {@code runInTransaction="false"} changesets
 * @param rollbackSupported whether Liquibase can roll it back: an explicit {@code <rollback>} (an empty one counts) or
 *                          only change types with an automatic inverse
 * @param tag               the tag it sets when it is a {@code tagDatabase} changeset, else null
 * @param warnings          migration-safety warnings, empty when none
 */
public record ChangeSetInfo(
        String key,
        String id,
        String author,
        String filePath,
        boolean runInTransaction,
        boolean rollbackSupported,
        String tag,
        List<SafetyWarning> warnings) {

    public ChangeSetInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(filePath, "filePath");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The key of a changeset: {@code filePath::id::author}. */
    public static String key(String filePath, String id, String author) {
        return filePath + "::" + id + "::" + author;
    }
}
