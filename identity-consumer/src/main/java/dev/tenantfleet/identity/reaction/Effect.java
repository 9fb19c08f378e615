package dev.tenantfleet.identity.reaction;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What applying one identity event means: the tags to invalidate and, for a removed membership, the tenant-side
 * cleanup.
 *
 * @param invalidate tags whose entries must go (O(1) each)
 * @param cleanup    the user whose data to clean up in the tenant's database, or null
 */
public record Effect(List<String> invalidate, Cleanup cleanup) {

    public Effect {
        invalidate = List.copyOf(invalidate);
    }

    /** Invalidation only. */
    public static Effect invalidate(String... tags) {
        return new Effect(List.of(tags), null);
    }

    /** Whether the effect reaches beyond Redis (then it is not one atomic script). */
    public boolean hasCleanup() {
        return cleanup != null;
    }

    /**
     * The tenant-side cleanup of a user who left a tenant.
     *
     * @param tenantId the tenant
     * @param userId   the user who left it
     */
    public record Cleanup(UUID tenantId, UUID userId) {
        public Cleanup {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
        }
    }
}
