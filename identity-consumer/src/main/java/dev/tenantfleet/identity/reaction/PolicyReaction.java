package dev.tenantfleet.identity.reaction;

import dev.tenantfleet.identity.cache.Tags;
import dev.tenantfleet.model.identity.PolicyUpdated;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's policy changed: that tenant's cached policies go ({@code crm.policies:<tenant-id>}). */
@ApplicationScoped
public class PolicyReaction {

    public Effect effectOf(PolicyUpdated event) {
        return Effect.invalidate(Tags.policies(event.tenantId()));
    }
}
