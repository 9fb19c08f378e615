package dev.tenantfleet.identity.reaction;

import dev.tenantfleet.identity.cache.Tags;
import dev.tenantfleet.model.identity.OAuthClientDeactivated;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's OAuth client was deactivated: everything cached for the tenant goes ({@code tenant:<tenant-id>}). */
@ApplicationScoped
public class OAuthClientReaction {

    public Effect effectOf(OAuthClientDeactivated event) {
        return Effect.invalidate(Tags.tenant(event.tenantId()));
    }
}
