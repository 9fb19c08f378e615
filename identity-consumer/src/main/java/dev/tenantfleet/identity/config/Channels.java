package dev.tenantfleet.identity.config;

import dev.tenantfleet.messaging.DeadLetters;

/**
 * Names of the SmallRye Reactive Messaging channels of identity-consumer. The channels themselves (exchange, queue,
 * bindings, quorum/DLQ arguments, prefetch) are configured in {@code application.properties}, one commented block per
 * channel; Java refers to them only through these constants.
 */
public final class Channels {
    /** Inbound: identity events from the {@code identity.events} topic exchange. */
    public static final String IDENTITY_EVENTS = "identity-events";
    /** Inbound: tenant lifecycle events from the {@code tenant.events} topic exchange (status mirror). */
    public static final String TENANT_EVENTS = "tenant-events";
    /** Outbound: messages that can never be applied, to the shared dead-letter exchange, with the reason headers. */
    public static final String DEAD_LETTERS = DeadLetters.CHANNEL;
    /** Named worker pool of the tenant events ({@code smallrye.messaging.worker.tenant-events.max-concurrency}). */
    public static final String TENANT_EVENTS_POOL = "tenant-events";

    private Channels() {}
}
