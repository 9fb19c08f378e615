package dev.tenantfleet.model.messaging;

import java.util.UUID;

/** Names of the durable quorum queues Tenant Fleet consumes, and their dead-letter queues. */
public final class Queues {
    /** migrate-tenant and rollback-tenant commands, shared by every migration-worker replica (competing consumers). */
    public static final String MIGRATION_WORKER_COMMANDS = "migration-worker.commands";
    /** Migration results tenant-service needs to finish provisioning. */
    public static final String TENANT_SERVICE_MIGRATION_RESULTS = "tenant-service.migration-results";

    /** migrate-release commands from deploy jobs, consumed by tenant-service. */
    public static final String TENANT_SERVICE_RELEASE_COMMANDS = "tenant-service.release-commands";

    /** identity-consumer, fleet-wide mode: every identity event ({@code identity.#}). */
    public static final String IDENTITY_CONSUMER_ALL = "identity-consumer.all";
    /** identity-consumer, fleet-wide mode: every tenant event, mirrored into the tenant status cache. */
    public static final String IDENTITY_CONSUMER_TENANT_STATUS = "identity-consumer.tenant-status";

    private Queues() {}

    /** identity-consumer bound to one tenant ({@code TENANT_ID}): that tenant's and the global identity events. */
    public static String identityConsumerOf(UUID tenantId) {
        return "identity-consumer." + tenantId;
    }

    /** identity-consumer bound to one tenant: that tenant's tenant events. */
    public static String identityConsumerTenantStatusOf(UUID tenantId) {
        return "identity-consumer." + tenantId + ".tenant-status";
    }

    /** The dead-letter queue that holds what {@code queue} rejected; bound to {@link Exchanges#DEAD_LETTERS}. */
    public static String deadLetterQueueOf(String queue) {
        return queue + ".dlq";
    }
}
