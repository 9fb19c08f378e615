package dev.tenantfleet.identity.reaction;

import dev.tenantfleet.identity.cache.Tags;
import dev.tenantfleet.identity.cleanup.TenantCleanup;
import dev.tenantfleet.model.identity.MembershipAdded;
import dev.tenantfleet.model.identity.MembershipRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A user joined or left a tenant: the tenant's view of the user goes ({@code member:<tenant-id>:<user-id>}); when the
 * user left, the tenant-side cleanup runs in the tenant's database too (unless disabled).
 */
@ApplicationScoped
public class MembershipReaction {
    private final TenantCleanup cleanup;

    public MembershipReaction(TenantCleanup cleanup) {
        this.cleanup = cleanup;
    }

    public Effect effectOf(MembershipAdded event) {
        return Effect.invalidate(Tags.member(event.tenantId(), event.userId()));
    }

    public Effect effectOf(MembershipRemoved event) {
        List<String> tags = List.of(Tags.member(event.tenantId(), event.userId()));
        return new Effect(tags, cleanup.enabled() ? new Effect.Cleanup(event.tenantId(), event.userId()) : null);
    }
}
