package dev.tenantfleet.model.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Puts the release id and the tenant (slug, or id where the slug is not known) in the MDC, so every line logged until
 * {@link #close()} carries them (text format {@code %X{releaseId} %X{tenantSlug}}, JSON field {@code mdc}). Closing
 * restores what was there before, so scopes nest (a tenant inside a release) and nothing is left behind on a reused
 * pool thread or Vert.x context, where it would label the next unrelated line. Use with try-with-resources.
 * <p>
 * Needs JBoss Logging at run time (every Quarkus service has it; shared-model declares it {@code provided}, so plain
 * clients of the model, such as tenantctl, never load this class).
 */
public final class TenantLogContext implements AutoCloseable {
    private final Map<String, Object> previous = new LinkedHashMap<>();

    private TenantLogContext(Map<String, Object> values) {
        values.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            set(key, value);
        });
    }

    /** Lines about one tenant, within a release or not (a null release id leaves the key out). */
    public static TenantLogContext of(UUID releaseId, String tenantSlug) {
        return new TenantLogContext(values(
                LogKeys.RELEASE_ID, releaseId == null ? null : releaseId.toString(), LogKeys.TENANT_SLUG, tenantSlug));
    }

    /** Lines about a release as a whole: no tenant slug, whichever tenant's result led here. */
    public static TenantLogContext release(UUID releaseId) {
        return of(releaseId, null);
    }

    /** Lines about one tenant, keeping the release id of the enclosing scope, if any. */
    public static TenantLogContext tenant(String tenantSlug) {
        return new TenantLogContext(values(LogKeys.TENANT_SLUG, tenantSlug));
    }

    /** Lines about a tenant known by its id only (identity events name tenants by id); null leaves the key out. */
    public static TenantLogContext tenantId(UUID tenantId) {
        return new TenantLogContext(values(LogKeys.TENANT_ID, tenantId == null ? null : tenantId.toString()));
    }

    /** Wraps {@code task} so that it logs with this thread's release id and tenant on whichever thread runs it. */
    public static Runnable carry(Runnable task) {
        Map<String, Object> current = values(
                LogKeys.RELEASE_ID, MDC.get(LogKeys.RELEASE_ID), LogKeys.TENANT_SLUG, MDC.get(LogKeys.TENANT_SLUG));
        current.put(LogKeys.TENANT_ID, MDC.get(LogKeys.TENANT_ID));
        return () -> {
            try (TenantLogContext log = new TenantLogContext(current)) {
                task.run();
            }
        };
    }

    @Override
    public void close() {
        previous.forEach(TenantLogContext::set);
    }

    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private static void set(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
