package dev.tenantfleet.worker.logging;

import dev.tenantfleet.model.observability.LogKeys;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Puts the release id and tenant slug of the command being handled in the MDC, so every line logged until
 * {@link #close()} carries them (text format {@code %X{releaseId} %X{tenantSlug}}, JSON field {@code mdc}). Closing
 * restores what was there before: pool threads (and Vert.x contexts) are reused, so a value left behind would
 * label the next command's lines with the wrong tenant. Use with try-with-resources.
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

    /** Sets both keys for the scope; a null value leaves the key out (a command outside a release has no release id). */
    public static TenantLogContext of(UUID releaseId, String tenantSlug) {
        return new TenantLogContext(releaseId == null ? null : releaseId.toString(), tenantSlug);
    }

    /** Wraps {@code task} so that it logs with this thread's release id and tenant slug on whichever thread runs it. */
    public static Runnable carry(Runnable task) {
        Object releaseId = MDC.get(LogKeys.RELEASE_ID);
        Object tenantSlug = MDC.get(LogKeys.TENANT_SLUG);
        return () -> {
            try (TenantLogContext log = new TenantLogContext(releaseId, tenantSlug)) {
                task.run();
            }
        };
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
