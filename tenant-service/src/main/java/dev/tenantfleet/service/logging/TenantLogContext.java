package dev.tenantfleet.service.logging;

import dev.tenantfleet.model.observability.LogKeys;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Puts the release id and tenant slug in the MDC, so every line logged until {@link #close()} carries them (text
 * format {@code %X{releaseId} %X{tenantSlug}}, JSON field {@code mdc}). Closing restores what was there before, so
 * scopes nest (a tenant inside a release) and nothing is left behind on a reused pool thread or Vert.x context, where
 * it would label the next unrelated line. Use with try-with-resources.
 */
public final class TenantLogContext implements AutoCloseable {
    private final Object previousRelease;
    private final Object previousTenant;

    private TenantLogContext(Object releaseId, Object tenantSlug) {
        previousRelease = MDC.get(LogKeys.RELEASE_ID);
        previousTenant = MDC.get(LogKeys.TENANT_SLUG);
        set(LogKeys.RELEASE_ID, releaseId);
        set(LogKeys.TENANT_SLUG, tenantSlug);
    }

    /** Lines about one tenant, within a release or not (a null release id leaves the key out). */
    public static TenantLogContext of(UUID releaseId, String tenantSlug) {
        return new TenantLogContext(releaseId == null ? null : releaseId.toString(), tenantSlug);
    }

    /** Lines about a release as a whole: no tenant slug, whichever tenant's result led here. */
    public static TenantLogContext release(UUID releaseId) {
        return of(releaseId, null);
    }

    /** Lines about one tenant, keeping the release id of the enclosing scope, if any. */
    public static TenantLogContext tenant(String tenantSlug) {
        return new TenantLogContext(MDC.get(LogKeys.RELEASE_ID), tenantSlug);
    }

    @Override
    public void close() {
        set(LogKeys.RELEASE_ID, previousRelease);
        set(LogKeys.TENANT_SLUG, previousTenant);
    }

    private static void set(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
