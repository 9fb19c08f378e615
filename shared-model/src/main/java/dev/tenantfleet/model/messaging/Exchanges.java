package dev.tenantfleet.model.messaging;

/** Names of the RabbitMQ exchanges Tenant Fleet publishes to: durable topic exchanges, except the direct dead-letter exchange. */
public final class Exchanges {
    /** Tenant lifecycle events: provisioned, status-changed, schema-changed, deactivated, provisioning-failed. */
    public static final String TENANT_EVENTS = "tenant.events";
    /** migrate-tenant and rollback-tenant commands for the workers, migrate-release commands for tenant-service. */
    public static final String MIGRATION_COMMANDS = "migration.commands";
    /** Per-tenant results of the workers and release events of tenant-service: what dashboards bind to. */
    public static final String MIGRATION_RESULTS = "migration.results";
    /** Owned by the identity system; routing keys carry the tenant id. */
    public static final String IDENTITY_EVENTS = "identity.events";
    /** Dead-letter exchange (direct) shared by every Tenant Fleet queue; routing key = the source queue name. */
    public static final String DEAD_LETTERS = "tenantfleet.dead-letters";

    private Exchanges() {}
}
