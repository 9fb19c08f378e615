package dev.tenantfleet.service.messaging;

import dev.tenantfleet.messaging.DeadLetters;

/** Reactive Messaging channel names of tenant-service; wired to RabbitMQ in application.properties. */
public final class Channels {
    /** Outgoing: the outbox relay publishes tenant events here (exchange tenant.events). */
    public static final String TENANT_EVENTS_OUT = "tenant-events";
    /** Outgoing: the outbox relay publishes migrate-tenant and rollback-tenant commands here (exchange migration.commands). */
    public static final String MIGRATION_COMMANDS_OUT = "migration-commands";
    /** Outgoing: release progress, per-tenant release updates, release completed (exchange migration.results). */
    public static final String RELEASE_EVENTS_OUT = "release-events";
    /** Incoming: migrate-release commands from deploy jobs (exchange migration.commands). */
    public static final String RELEASE_COMMANDS_IN = "release-commands";
    /** Incoming: per-tenant migration results (exchange migration.results). */
    public static final String MIGRATION_RESULTS_IN = "migration-results";
    /** Incoming: copies of release events for live dashboards (exchange migration.results, per-instance queue). */
    public static final String DASHBOARD_RELEASE_EVENTS_IN = "dashboard-release-events";
    /** Incoming: copies of tenant events for live dashboards (exchange tenant.events, per-instance queue). */
    public static final String DASHBOARD_TENANT_EVENTS_IN = "dashboard-tenant-events";

    /** Outgoing: unreadable inbound results and release commands, with reason headers (exchange tenantfleet.dead-letters). */
    public static final String DEAD_LETTERS_OUT = DeadLetters.CHANNEL;

    private Channels() {}
}
