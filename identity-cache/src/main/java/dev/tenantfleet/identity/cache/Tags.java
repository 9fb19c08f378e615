package dev.tenantfleet.identity.cache;

import java.util.UUID;

/** Names of the invalidation tags (the counter of tag {@code t} is the key {@code <prefix>:tag:t}). */
public final class Tags {
    /** Every tenant's policies (invalidate it to drop all cached policies of the fleet at once). */
    public static final String POLICIES = "crm.policies";

    private Tags() {}

    /** Everything cached for one tenant: its users' views, its policies, token payloads issued for it. */
    public static String tenant(UUID tenantId) {
        return "tenant:" + tenantId;
    }

    /** Everything cached about one user, in every tenant, token payloads included. */
    public static String user(UUID userId) {
        return "user:" + userId;
    }

    /** One user's membership of one tenant. */
    public static String member(UUID tenantId, UUID userId) {
        return "member:" + tenantId + ":" + userId;
    }

    /** One tenant's policies. */
    public static String policies(UUID tenantId) {
        return POLICIES + ":" + tenantId;
    }
}
