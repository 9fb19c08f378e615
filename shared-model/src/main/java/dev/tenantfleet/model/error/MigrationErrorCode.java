package dev.tenantfleet.model.error;

/** Classified reasons a tenant migration failed, each with an actionable hint. */
public enum MigrationErrorCode implements ErrorCode {
    TRANSIENT_CONNECTIVITY(
            "The tenant database could not be reached; it was retried with backoff. Check the server, then retry."),
    CREDENTIALS(
            "The tenant's credentials were refused or could not be decrypted; check the role and TENANTFLEET_KEYS."),
    SCHEMA_DRIFT(
            "The database does not match the changelog history (object already exists or checksum changed); inspect it by hand."),
    TIMEOUT(
            "The migration exceeded its timeout and was cancelled on the server; look at the blocking sessions reported."),
    CHANGESET_SQL_ERROR("A changeset's SQL failed on this tenant; fix the changeset or the tenant data, then retry."),
    CHANGELOG_MISMATCH(
            "The worker's changelog digest differs from the command's; deploy workers with the same changelog."),
    UNKNOWN_TAG("The target tag is not in the worker's changelog; check the release tag."),
    LOCKED("Another migration held this tenant's advisory lock for the whole lock wait; let it finish, then retry."),
    NON_TRANSACTIONAL(
            "A pending changeset has runInTransaction=false, so the tenant could end half-migrated; "
                    + "allow it explicitly (allowNonTransactional / --allow-non-transactional) after reading docs/releases.md."),
    ROLLBACK_MISMATCH("The tenant's changelog history no longer ends with what this release applied (another release "
            + "ran since); nothing was rolled back. Inspect the tenant by hand."),
    ROLLBACK_UNSUPPORTED("A changeset of the release has no rollback; Liquibase cannot undo it automatically."),
    INTERNAL("An unexpected error; see the worker log for the stack trace.");

    private final String hint;

    MigrationErrorCode(String hint) {
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
