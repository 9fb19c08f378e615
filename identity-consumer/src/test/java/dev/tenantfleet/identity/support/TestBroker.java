package dev.tenantfleet.identity.support;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.tenant.TenantEvent;
import dev.tenantfleet.testsupport.TestBrokerClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The identity tests' view of the real broker ({@link TestBrokerClient}): publishes identity and tenant events to the
 * test consumer's own exchanges (the %test block of application.properties) and takes messages out of its DLQs.
 */
public final class TestBroker extends TestBrokerClient {
    public static final String IDENTITY_EXCHANGE = "identity.events.identity-test";
    public static final String TENANT_EXCHANGE = "tenant.events.identity-test";
    /** Queue names of the test consumer: {@code identity-consumer-test.all}, ... */
    public static final String QUEUE_PREFIX = "identity-consumer-test";

    public static final String IDENTITY_QUEUE = QUEUE_PREFIX + ".all";
    public static final String TENANT_QUEUE = QUEUE_PREFIX + ".tenant-status";
    private static final String SOURCE = "/identity-test";

    public TestBroker() throws IOException, TimeoutException {
        super("identity-consumer-test");
        // The same declarations the consumer makes, in case the test publishes first.
        declareExchange(IDENTITY_EXCHANGE, "topic", true);
        declareExchange(TENANT_EXCHANGE, "topic", true);
    }

    /** Publishes an identity event (new envelope, stamped now) and waits for the broker's confirm. */
    public CloudEvent<IdentityEvent> publish(IdentityEvent event) throws Exception {
        CloudEvent<IdentityEvent> envelope = CloudEvent.of(SOURCE, event.type(), event.entity(), event);
        publish(envelope);
        return envelope;
    }

    /** Publishes (again) an envelope, as a redelivery or a duplicate from the publisher would bring it. */
    public void publish(CloudEvent<IdentityEvent> envelope) throws Exception {
        publishRaw(
                IDENTITY_EXCHANGE,
                envelope.data().routingKey(),
                IdentityEvent.codec().encode(envelope),
                envelope.id());
    }

    /**
     * Publishes an identity event as mandatory; returns false when the broker returned it as routed to no queue.
     */
    public boolean publishMandatory(IdentityEvent event) throws Exception {
        CloudEvent<IdentityEvent> envelope = publish(event);
        return !wasReturned(envelope.id());
    }

    /** Publishes a tenant event with the given time, as tenant-service would route it. */
    public CloudEvent<TenantEvent> publishTenantEvent(TenantEvent event, Instant time) throws Exception {
        CloudEvent<TenantEvent> envelope = new CloudEvent<>(
                UUID.randomUUID().toString(), URI.create("/tenant-service"), event.type(), time, event.slug(), event);
        publishRaw(
                TENANT_EXCHANGE,
                RoutingKeys.tenantEvent(event.shortType(), event.tenantId()),
                TenantEvent.codec().encode(envelope),
                envelope.id());
        return envelope;
    }

    /** Publishes all {@code envelopes} back to back, then waits for the broker's confirms: a burst. */
    public void publishBurst(List<CloudEvent<IdentityEvent>> envelopes) throws Exception {
        publishAll(
                IDENTITY_EXCHANGE,
                envelopes.stream()
                        .map(envelope -> new Outgoing(
                                envelope.data().routingKey(),
                                IdentityEvent.codec().encode(envelope),
                                envelope.id()))
                        .toList(),
                Duration.ofSeconds(30));
    }
}
