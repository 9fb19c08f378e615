package dev.tenantfleet.worker.config;

import dev.tenantfleet.messaging.DeadLetters;

/**
 * Names of the SmallRye Reactive Messaging channels of the worker. The channels themselves (exchange, queue,
 * quorum/DLQ arguments, prefetch, publisher confirms) are configured in {@code application.properties}, one
 * commented block per channel; Java refers to them only through these constants.
 */
public final class Channels {
    /**
     * Inbound: per-tenant commands (migrate-tenant, rollback-tenant) from the {@code migration.commands} exchange. The
     * name predates rollback-tenant and stays: operators set {@code mp.messaging.incoming.migrate-tenant-commands.*}
     * (docs/configuration.md).
     */
    public static final String TENANT_COMMANDS = "migrate-tenant-commands";
    /** Outbound: per-tenant results to the {@code migration.results} exchange, with publisher confirms. */
    public static final String MIGRATION_RESULTS = "migration-results";
    /** Outbound: unreadable messages to the shared dead-letter exchange, with the reason headers. */
    public static final String DEAD_LETTERS = DeadLetters.CHANNEL;
    /**
     * Named worker pool that runs per-tenant commands; its size ({@code smallrye.messaging.worker.tenant-migrations.max-concurrency})
     * is bound to {@code tenantfleet.migration.concurrency}.
     */
    public static final String MIGRATION_WORKER_POOL = "tenant-migrations";

    private Channels() {}
}
