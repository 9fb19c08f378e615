package dev.tenantfleet.model.error;

/** Errors of the tenant registry and lifecycle, and of provisioning. */
public enum TenantErrorCode implements ErrorCode {
    INVALID_SLUG("Slugs match ^[a-z][a-z0-9-]{1,40}$: a lowercase letter, then 1-40 lowercase letters, digits or dashes."),
    INVALID_REQUEST("Fix the request body as the message says."),
    DUPLICATE_SLUG("Slugs are unique across the fleet, deactivated tenants included; choose another."),
    TENANT_NOT_FOUND("Check the slug; GET /api/tenants lists the fleet."),
    ILLEGAL_TRANSITION("The tenant's current status does not allow this; the message names the allowed targets."),
    NOT_PROVISIONABLE("Only tenants in PROVISIONING_FAILED (or stuck in PROVISIONING) can be provisioned again."),
    SERVER_NOT_FOUND("Register the database server first (POST /api/servers) or omit it to use the default."),
    DUPLICATE_SERVER("A database server with this name is already registered."),
    DATABASE_SERVER_UNREACHABLE("The database server did not answer; check host, port and network, then retry provisioning."),
    DATABASE_SERVER_CREDENTIALS("The admin credentials for the database server were refused; check the credentials reference."),
    PROVISIONING_SQL_ERROR("A provisioning statement failed on the database server; see the message."),
    MIGRATION_FAILED("The tenant database could not be migrated to head; see the migration error and retry provisioning."),
    SEED_FAILED("Base lookup data could not be loaded; see the message and retry provisioning."),
    UNKNOWN_ENCRYPTION_KEY("The credential was encrypted with a key id that is not in TENANTFLEET_KEYS; add the old key back."),
    UNAUTHENTICATED("Send Authorization: Bearer <SYSTEM_API_TOKEN>.");

    private final String hint;

    TenantErrorCode(String hint) {
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
