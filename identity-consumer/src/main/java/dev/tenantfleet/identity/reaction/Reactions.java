package dev.tenantfleet.identity.reaction;

import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.identity.MembershipAdded;
import dev.tenantfleet.model.identity.MembershipRemoved;
import dev.tenantfleet.model.identity.OAuthClientDeactivated;
import dev.tenantfleet.model.identity.PolicyUpdated;
import jakarta.enterprise.context.ApplicationScoped;

/** Picks the reaction of an identity event's type. */
@ApplicationScoped
public class Reactions {
    private final PolicyReaction policies;
    private final UserReaction users;
    private final MembershipReaction memberships;
    private final OAuthClientReaction oauthClients;

    public Reactions(
            PolicyReaction policies,
            UserReaction users,
            MembershipReaction memberships,
            OAuthClientReaction oauthClients) {
        this.policies = policies;
        this.users = users;
        this.memberships = memberships;
        this.oauthClients = oauthClients;
    }

    /** What applying {@code event} means. */
    public Effect effectOf(IdentityEvent event) {
        if (event instanceof PolicyUpdated policy) {
            return policies.effectOf(policy);
        }
        if (users.handles(event)) {
            return users.effectOf(event);
        }
        if (event instanceof MembershipAdded added) {
            return memberships.effectOf(added);
        }
        if (event instanceof MembershipRemoved removed) {
            return memberships.effectOf(removed);
        }
        if (event instanceof OAuthClientDeactivated deactivated) {
            return oauthClients.effectOf(deactivated);
        }
        throw new IllegalArgumentException("no reaction to " + event.type());
    }
}
