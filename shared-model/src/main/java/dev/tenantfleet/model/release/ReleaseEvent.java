package dev.tenantfleet.model.release;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import java.util.Map;
import java.util.UUID;

/**
 * What tenant-service announces about releases on {@code migration.results}, routed as
 * {@code release.<releaseId>.<kind>} so a deploy job or dashboard can bind to one release or all ({@code release.#}).
 */
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReleaseTenantUpdated.class, name = ReleaseTenantUpdated.TYPE),
        @JsonSubTypes.Type(value = ReleaseProgressed.class, name = ReleaseProgressed.TYPE),
        @JsonSubTypes.Type(value = ReleaseCompleted.class, name = ReleaseCompleted.TYPE)})
public sealed interface ReleaseEvent permits ReleaseTenantUpdated, ReleaseProgressed, ReleaseCompleted {

    /** CloudEvents type of each event record: the names of the {@link JsonSubTypes} above, as Jackson resolves them. */
    Map<String, Class<? extends ReleaseEvent>> TYPES = CloudEventCodec.typesOf(ReleaseEvent.class);

    /** Codec for the whole family. */
    static CloudEventCodec<ReleaseEvent> codec() {
        return new CloudEventCodec<>(ReleaseEvent.class);
    }

    /** The release. */
    UUID releaseId();

    /** The versioned CloudEvents type. */
    String type();

    /** The routing-key suffix after {@code release.<id>.}, e.g. {@code tenant.migrated}. */
    String routingSuffix();
}
