package dev.tenantfleet.model.identity;

import java.util.UUID;

/**
 * Routing keys on {@code identity.events}: {@code identity.<tenant-id>.<entity>.<action>} for tenant events,
 * {@code identity.global.<entity>.<action>} for user events that concern no single tenant. A fleet-wide consumer
 * binds {@link #ALL}; a consumer for one tenant binds {@link #ofTenant} and {@link #GLOBAL}.
 */
public final class IdentityRouting {
    /** Binding for every identity event. */
    public static final String ALL = "identity.#";
    /** Binding for user events that concern no single tenant. */
    public static final String GLOBAL = "identity.global.#";

    private IdentityRouting() {}

    /** Binding for one tenant's events. */
    public static String ofTenant(UUID tenantId) {
        return "identity." + tenantId + ".#";
    }

    /** The routing key of an event. */
    public static String routingKey(UUID tenantId, String suffix) {
        return "identity." + (tenantId == null ? "global" : tenantId.toString()) + "." + suffix;
    }
}
