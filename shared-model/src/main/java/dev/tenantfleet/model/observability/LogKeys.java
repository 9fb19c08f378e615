package dev.tenantfleet.model.observability;

/**
 * MDC keys the services put on every log line about a tenant: in the text format as {@code %X{releaseId}} and
 * {@code %X{tenantSlug}}, with JSON logging ({@code LOG_JSON=true}) as fields of the line's {@code mdc} object.
 */
public final class LogKeys {
    /** The fleet release the line is about; absent outside releases (provisioning, lifecycle changes). */
    public static final String RELEASE_ID = "releaseId";
    /** The slug of the tenant the line is about. */
    public static final String TENANT_SLUG = "tenantSlug";
    /** The id of the tenant the line is about, where only the id is known (identity-consumer's identity events). */
    public static final String TENANT_ID = "tenantId";

    private LogKeys() {}
}
