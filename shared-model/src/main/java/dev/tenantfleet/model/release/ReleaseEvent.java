package dev.tenantfleet.model.release;

import dev.tenantfleet.model.envelope.CloudEventCodec;
import java.util.Map;
import java.util.UUID;

/**
 * What tenant-service announces about releases on {@code migration.results}, routed as
 * {@code release.<releaseId>.<kind>} so a deploy job or dashboard can bind to one release or all ({@code release.#}).
 */
public sealed interface ReleaseEvent permits ReleaseTenantUpdated, ReleaseProgressed, ReleaseCompleted {

    /** CloudEvents type of each event record. */
    Map<String, Class<? extends ReleaseEvent>> TYPES = Map.of(
            ReleaseTenantUpdated.TYPE, ReleaseTenantUpdated.class,
            ReleaseProgressed.TYPE, ReleaseProgressed.class,
            ReleaseCompleted.TYPE, ReleaseCompleted.class);

    /** Codec for the whole family. */
    static CloudEventCodec<ReleaseEvent> codec() {
        return new CloudEventCodec<>(TYPES);
    }

    /** The release. */
    UUID releaseId();

    /** The versioned CloudEvents type. */
    String type();

    /** The routing-key suffix after {@code release.<id>.}, e.g. {@code tenant.migrated}. */
    String routingSuffix();
}
