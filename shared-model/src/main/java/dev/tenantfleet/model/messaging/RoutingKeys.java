package dev.tenantfleet.model.messaging;

import java.util.UUID;

/**
 * Routing keys. Events are routed as {@code <kind>.<short-type>.<tenant-id>} so a consumer can bind to
 * one kind of event ({@code tenant.status-changed.*}), one tenant ({@code *.*.<tenant-id>}) or everything ({@code #}).
 */
public final class RoutingKeys {
    /** Binding that matches every tenant event. */
    public static final String ALL_TENANT_EVENTS = "tenant.#";
    /** Binding that matches every migrate-tenant command. */
    public static final String ALL_MIGRATE_TENANT_COMMANDS = "command.migrate-tenant.#";
    /** Binding that matches every per-tenant migration result. */
    public static final String ALL_TENANT_RESULTS = "result.tenant.#";

    /** Routing key of migrate-release commands (consumed by tenant-service). */
    public static final String MIGRATE_RELEASE_COMMAND = "command.migrate-release";
    /** Binding that matches every rollback-tenant command. */
    public static final String ALL_ROLLBACK_TENANT_COMMANDS = "command.rollback-tenant.#";
    /** Binding that matches every release event of every release. */
    public static final String ALL_RELEASE_EVENTS = "release.#";

    private RoutingKeys() {}

    /** Routing key of a tenant event, e.g. {@code tenant.status-changed.<uuid>}. */
    public static String tenantEvent(String shortType, UUID tenantId) {
        return "tenant." + shortType + "." + tenantId;
    }

    /** Routing key of a migrate-tenant command for one tenant. */
    public static String migrateTenantCommand(UUID tenantId) {
        return "command.migrate-tenant." + tenantId;
    }

    /** Routing key of a rollback-tenant command for one tenant. */
    public static String rollbackTenantCommand(UUID tenantId) {
        return "command.rollback-tenant." + tenantId;
    }

    /** Routing key of a release event, e.g. {@code release.<id>.tenant.migrated} or {@code release.<id>.completed}. */
    public static String releaseEvent(UUID releaseId, String suffix) {
        return "release." + releaseId + "." + suffix;
    }

    /** Binding that matches every event of one release. */
    public static String allEventsOfRelease(UUID releaseId) {
        return "release." + releaseId + ".#";
    }

    /** Binding that matches every tenant event of one tenant, e.g. {@code tenant.*.<uuid>}. */
    public static String allTenantEventsOf(UUID tenantId) {
        return "tenant.*." + tenantId;
    }

    /** Routing key of a per-tenant migration result, e.g. {@code result.tenant.migrated.<uuid>}. */
    public static String tenantResult(String shortType, UUID tenantId) {
        return "result.tenant." + shortType + "." + tenantId;
    }
}
