package dev.tenantfleet.model.error;

/** Errors of the tenant registry and lifecycle, of provisioning, and of adopting existing databases. */
public enum TenantErrorCode implements ErrorCode {
    INVALID_SLUG(
            "Slugs match ^[a-z][a-z0-9-]{1,40}$: a lowercase letter, then 1-40 lowercase letters, digits or dashes."),
    INVALID_REQUEST("Fix the request body as the message says."),
    INVALID_PARAMETER(
            "Fix the path or query parameter the message names; docs/rest-api.md lists each endpoint's parameters."),
    DUPLICATE_SLUG("Slugs are unique across the fleet, deactivated tenants included; choose another."),
    TENANT_NOT_FOUND("Check the slug; GET /api/tenants lists the fleet."),
    ILLEGAL_TRANSITION("The tenant's current status does not allow this; the message names the allowed targets."),
    NOT_PROVISIONABLE("Only tenants in PROVISIONING_FAILED (or stuck in PROVISIONING) can be provisioned again."),
    SERVER_NOT_FOUND("Register the database server first (POST /api/servers) or omit it to use the default."),
    DUPLICATE_SERVER("A database server with this name is already registered."),
    DATABASE_SERVER_UNREACHABLE(
            "The database server did not answer; check host, port and network, then retry provisioning."),
    DATABASE_SERVER_CREDENTIALS(
            "The admin credentials for the database server were refused; check the credentials reference."),
    PROVISIONING_SQL_ERROR("A provisioning statement failed on the database server; see the message."),
    MIGRATION_FAILED(
            "The tenant database could not be migrated to head; see the migration error and retry provisioning."),
    SEED_FAILED("Base lookup data could not be loaded; see the message and retry provisioning."),
    UNKNOWN_ENCRYPTION_KEY(
            "The credential was encrypted with a key id that is not in TENANTFLEET_KEYS; add the old key back."),
    // Adoption of existing databases: the row problems of an import, and the refusal of a single adoption.
    ADOPTION_REJECTED(
            "The database was not adopted; every problem is listed: fix them and adopt again (re-running is harmless)."),
    DUPLICATE_DATABASE(
            "This database on this server is registered as another tenant (or listed twice); one tenant per database."),
    TENANT_DATABASE_UNREACHABLE(
            "The database server did not answer; check host, port, network and the server's registration."),
    TENANT_DATABASE_NOT_FOUND("The server has no database with this name; check the database name (case matters)."),
    TENANT_DATABASE_CREDENTIALS(
            "The tenant role's login was refused; check username, password, that the role may log in and pg_hba.conf."),
    TENANT_DATABASE_PRIVILEGES(
            "Migrations run as this role: it needs CONNECT, CREATE on its schema and write access to DATABASECHANGELOG."),
    CHANGELOG_HISTORY_DRIFT(
            "The database's Liquibase history does not match the changelog; see the message (often the file paths: the changelog location's root)."),
    CHANGELOG_HISTORY_INCOMPLETE(
            "The history is at a tag but changesets up to it were never applied; finish them with the old tool, then adopt."),
    UNTRACKED_SCHEMA(
            "The database has tables but no Liquibase history; adopt it with a baseline tag, the release its schema is at."),
    BASELINE_TABLES_MISSING(
            "Tables the changelog creates up to the baseline tag are missing; choose the tag the database is really at."),
    BASELINE_FAILED(
            "Recording the baseline (Liquibase changelog-sync as the tenant role) failed; see the message, then adopt again."),
    UNAUTHENTICATED("Send Authorization: Bearer <SYSTEM_API_TOKEN>."),
    // The HTTP layer: what any request can run into, whatever its endpoint.
    CONCURRENT_MODIFICATION(
            "Another request changed the same thing at the same moment and this one changed nothing; read it again and retry."),
    BODY_TOO_LARGE(
            "The request body is larger than this endpoint accepts (docs/rest-api.md, Limits); send less, or split an import."),
    URI_TOO_LONG(
            "The request line is longer than the service accepts (docs/rest-api.md, Limits); send long inputs in a body."),
    HEADERS_TOO_LARGE(
            "The request's headers are larger than the service accepts (docs/rest-api.md, Limits); send fewer or shorter ones."),
    NO_SUCH_ROUTE("No endpoint answers this method and path; docs/rest-api.md lists them."),
    UNSUPPORTED_MEDIA_TYPE(
            "Send application/json (text/csv only to POST /api/tenants/import) and accept application/json.");

    private final String hint;

    TenantErrorCode(String hint) {
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
