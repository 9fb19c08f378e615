package dev.tenantfleet.model.release;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.ExportedMessage;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import java.util.Map;
import java.util.UUID;

/**
 * What tenant-service announces about releases on {@code migration.results}, routed as
 * {@code release.<releaseId>.<kind>} so a deploy job or dashboard can bind to one release or all ({@code release.#}).
 */
@JsonSubTypes({
    @JsonSubTypes.Type(value = ReleaseTenantUpdated.class, name = ReleaseTenantUpdated.TYPE),
    @JsonSubTypes.Type(value = ReleaseProgressed.class, name = ReleaseProgressed.TYPE),
    @JsonSubTypes.Type(value = ReleaseCompleted.class, name = ReleaseCompleted.TYPE)
})
public sealed interface ReleaseEvent extends ExportedMessage
        permits ReleaseTenantUpdated, ReleaseProgressed, ReleaseCompleted {

    /** CloudEvents type of each event record: the names of the {@link JsonSubTypes} above, as Jackson resolves them. */
    Map<String, Class<? extends ReleaseEvent>> TYPES = CloudEventCodec.typesOf(ReleaseEvent.class);

    /** Codec for the whole family. */
    static CloudEventCodec<ReleaseEvent> codec() {
        return new CloudEventCodec<>(ReleaseEvent.class);
    }

    /** The release. */
    UUID releaseId();

    /** The versioned CloudEvents type. */
    @Override
    String type();

    /** The routing-key suffix after {@code release.<id>.}, e.g. {@code tenant.migrated}. */
    String routingSuffix();

    /** Release events go to {@code migration.results}. */
    @Override
    default String exchange() {
        return Exchanges.MIGRATION_RESULTS;
    }

    /** {@code release.<release-id>.<suffix>}. */
    @Override
    default String routingKey() {
        return RoutingKeys.releaseEvent(releaseId(), routingSuffix());
    }

    /** The release id. */
    @Override
    default String subject() {
        return releaseId().toString();
    }
}
