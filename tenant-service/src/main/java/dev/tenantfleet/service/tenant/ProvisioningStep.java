package dev.tenantfleet.service.tenant;

/**
 * The steps of provisioning, in order. A tenant row stores the next step to run, so a retry resumes
 * exactly where the last attempt stopped; every step is idempotent, so re-running one that had in fact
 * completed before a crash is harmless.
 */
public enum ProvisioningStep {
    /** Create the tenant's login role with its generated password (or reset the password if it exists). */
    CREATE_ROLE,
    /** Create the tenant database owned by that role, closed to PUBLIC. */
    CREATE_DATABASE,
    /** Create the uuid-ossp and unaccent extensions as the server admin. */
    CREATE_EXTENSIONS,
    /** Send a migrate-tenant command (through the outbox) to bring the database to the changelog head. */
    MIGRATE,
    /** Wait for the migration-worker's result. */
    AWAIT_MIGRATION,
    /** Load the base lookup data as the tenant role. */
    LOAD_LOOKUP_DATA,
    /** Mark the tenant ACTIVE and announce it. */
    ACTIVATE;

    /** Where provisioning starts. */
    public static ProvisioningStep first() {
        return CREATE_ROLE;
    }

    /** The step after this one; null after the last. */
    public ProvisioningStep next() {
        int next = ordinal() + 1;
        return next < values().length ? values()[next] : null;
    }
}
