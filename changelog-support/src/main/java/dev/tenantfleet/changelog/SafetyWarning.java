package dev.tenantfleet.changelog;

import java.util.Objects;

/**
 * Something in a changeset an operator should look at before releasing it to the fleet ({@code release plan}).
 *
 * @param kind      what kind of risk
 * @param changeSet the changeset's key ({@code filePath::id::author})
 * @param message   what exactly, for a human
 */
public record SafetyWarning(SafetyWarning.Kind kind, String changeSet, String message) {

    /** The risks the lint recognises. */
    public enum Kind {
        /** A column is dropped: running application versions may still read it. */
        DROPPED_COLUMN,
        /** A table is dropped. */
        DROPPED_TABLE,
        /** A column's type changes: usually a table rewrite under an exclusive lock. */
        TYPE_CHANGE,
        /** An existing (enum) type is altered or re-created. */
        ENUM_CHANGE,
        /** An index is built without CONCURRENTLY on a table that already exists: it blocks writes while it builds. */
        NON_CONCURRENT_INDEX,
        /** Rows are updated or copied inside the migration: duration grows with the tenant's data. */
        DATA_BACKFILL,
        /** {@code runInTransaction="false"}: the tenant can end between releases if it fails. */
        NON_TRANSACTIONAL,
        /** Liquibase cannot roll it back (no {@code <rollback>} and no automatic inverse). */
        NO_ROLLBACK,
        /**
         * Liquibase would split a dollar-quoted body ({@code $$ ... ; ... $$}, a function) at its semicolons
         * ({@code splitStatements} on, no {@code endDelimiter}): the changeset cannot succeed, and releases that
         * contain it are refused.
         */
        SPLIT_DOLLAR_QUOTED;

        /** Whether a release containing a changeset with this warning is refused (it cannot succeed as written). */
        public boolean blocking() {
            return this == SPLIT_DOLLAR_QUOTED;
        }
    }

    public SafetyWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(changeSet, "changeSet");
        Objects.requireNonNull(message, "message");
    }
}
