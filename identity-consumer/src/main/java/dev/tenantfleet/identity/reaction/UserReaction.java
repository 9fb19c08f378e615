package dev.tenantfleet.identity.reaction;

import dev.tenantfleet.identity.cache.Tags;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.identity.UserCreated;
import dev.tenantfleet.model.identity.UserDeactivated;
import dev.tenantfleet.model.identity.UserDeleted;
import dev.tenantfleet.model.identity.UserUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A user was created, updated, deactivated or deleted: every entry about the user goes ({@code user:<user-id>}), in
 * every tenant, token payloads included. "Refresh" is the next read reloading from identity; a deactivated or deleted
 * user's entries and payloads are gone at once.
 */
@ApplicationScoped
public class UserReaction {

    /** Whether this reaction handles {@code event}. */
    public boolean handles(IdentityEvent event) {
        return event instanceof UserCreated
                || event instanceof UserUpdated
                || event instanceof UserDeactivated
                || event instanceof UserDeleted;
    }

    public Effect effectOf(IdentityEvent event) {
        return Effect.invalidate(Tags.user(userId(event)));
    }

    private static UUID userId(IdentityEvent event) {
        if (event instanceof UserCreated created) {
            return created.userId();
        }
        if (event instanceof UserUpdated updated) {
            return updated.userId();
        }
        if (event instanceof UserDeactivated deactivated) {
            return deactivated.userId();
        }
        if (event instanceof UserDeleted deleted) {
            return deleted.userId();
        }
        throw new IllegalArgumentException(event.type() + " is not a user event");
    }
}
