package dev.tenantfleet.model.messaging;

/** Names of the durable quorum queues Tenant Fleet consumes, and their dead-letter queues. */
public final class Queues {
    /** migrate-tenant and rollback-tenant commands, shared by every migration-worker replica (competing consumers). */
    public static final String MIGRATION_WORKER_COMMANDS = "migration-worker.commands";
    /** Migration results tenant-service needs to finish provisioning. */
    public static final String TENANT_SERVICE_MIGRATION_RESULTS = "tenant-service.migration-results";

    /** migrate-release commands from deploy jobs, consumed by tenant-service. */
    public static final String TENANT_SERVICE_RELEASE_COMMANDS = "tenant-service.release-commands";

    private Queues() {
    }

    /** The dead-letter queue that holds what {@code queue} rejected; bound to {@link Exchanges#DEAD_LETTERS}. */
    public static String deadLetterQueueOf(String queue) {
        return queue + ".dlq";
    }
}
