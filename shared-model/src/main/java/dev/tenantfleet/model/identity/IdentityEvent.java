package dev.tenantfleet.model.identity;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import java.util.Map;
import java.util.UUID;

/**
 * What the identity system announces on {@code identity.events}. The envelope id is the event id and its time the
 * event time. Every event carries the per-entity {@link #version()}: consumers ignore an event whose version is not
 * newer than the last one applied to {@link #entity()}, since delivery may duplicate and reorder.
 */
@JsonSubTypes({
    @JsonSubTypes.Type(value = UserCreated.class, name = UserCreated.TYPE),
    @JsonSubTypes.Type(value = UserUpdated.class, name = UserUpdated.TYPE),
    @JsonSubTypes.Type(value = UserDeactivated.class, name = UserDeactivated.TYPE),
    @JsonSubTypes.Type(value = UserDeleted.class, name = UserDeleted.TYPE),
    @JsonSubTypes.Type(value = MembershipAdded.class, name = MembershipAdded.TYPE),
    @JsonSubTypes.Type(value = MembershipRemoved.class, name = MembershipRemoved.TYPE),
    @JsonSubTypes.Type(value = PolicyUpdated.class, name = PolicyUpdated.TYPE),
    @JsonSubTypes.Type(value = OAuthClientDeactivated.class, name = OAuthClientDeactivated.TYPE)
})
public sealed interface IdentityEvent
        permits UserCreated,
                UserUpdated,
                UserDeactivated,
                UserDeleted,
                MembershipAdded,
                MembershipRemoved,
                PolicyUpdated,
                OAuthClientDeactivated {

    /** CloudEvents type of each event record: the names of the {@link JsonSubTypes} above, as Jackson resolves them. */
    Map<String, Class<? extends IdentityEvent>> TYPES = CloudEventCodec.typesOf(IdentityEvent.class);

    /** Codec for the whole family. */
    static CloudEventCodec<IdentityEvent> codec() {
        return new CloudEventCodec<>(IdentityEvent.class);
    }

    /** The tenant the event applies to; null for user events that are not about one tenant. */
    UUID tenantId();

    /** The entity whose version this is, e.g. {@code user:<id>} or {@code membership:<tenant>:<user>}. */
    String entity();

    /** The entity's version after the change; strictly increasing per entity. */
    long version();

    /** The versioned CloudEvents type. */
    String type();

    /** Routing-key suffix after the scope, e.g. {@code user.updated}. */
    String routingSuffix();

    /** The routing key this event is published with: {@code identity.<tenant-id or global>.<suffix>}. */
    default String routingKey() {
        return IdentityRouting.routingKey(tenantId(), routingSuffix());
    }
}
