package dev.tenantfleet.model.migration;

import dev.tenantfleet.model.error.MigrationErrorCode;

/**
 * The one way to report a tenant whose schema is ahead of its Liquibase history (a pending changeset applied by hand,
 * the most common drift), whichever statement would have failed on it: tenant-service's preflight and the worker
 * both build it here, so the operator gets the same class and hint.
 */
public final class SchemaAhead {
    /** What to do about it. */
    public static final String HINT = "The tenant's schema is ahead of its Liquibase history: what the named changeset "
            + "creates already exists (applied by hand?). Reconcile it, then migrate the tenant again: if the changeset "
            + "was applied in full, record it without running it (Liquibase changelog-sync up to that changeset, e.g. "
            + "changelog-sync-to-tag); if only in part, drop what it left or restore the tenant from a backup.";

    private SchemaAhead() {}

    /** A SCHEMA_DRIFT error naming the changeset and the objects ({@code message}). */
    public static MigrationError error(String message, String changeSet) {
        return new MigrationError(MigrationErrorCode.SCHEMA_DRIFT, message, HINT, changeSet);
    }
}
