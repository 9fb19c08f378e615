package dev.tenantfleet.identity.support;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.messaging.MessageHeaders;
import dev.tenantfleet.model.messaging.Queues;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.tenant.TenantEvent;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The test's own view of the real broker through the plain RabbitMQ client: publishes to the test consumer's own
 * exchanges (the %test block of application.properties) with publisher confirms, and takes messages out of its DLQs.
 */
public final class TestBroker implements AutoCloseable {
    public static final String IDENTITY_EXCHANGE = "identity.events.identity-test";
    public static final String TENANT_EXCHANGE = "tenant.events.identity-test";
    /** Queue names of the test consumer: {@code identity-consumer-test.all}, ... */
    public static final String QUEUE_PREFIX = "identity-consumer-test";
    public static final String IDENTITY_QUEUE = QUEUE_PREFIX + ".all";
    public static final String TENANT_QUEUE = QUEUE_PREFIX + ".tenant-status";
    private static final String SOURCE = "/identity-test";

    private final Connection connection;
    private final Channel publisher;
    private final Set<String> returned = ConcurrentHashMap.newKeySet();

    public TestBroker() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
        factory.setUsername(env("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
        // The vhost the consumer under test uses too (rabbitmq-virtual-host=${RABBITMQ_VIRTUAL_HOST:/}): a test run isolated
        // in a vhost of its own must publish and read its dead letters there.
        factory.setVirtualHost(env("RABBITMQ_VIRTUAL_HOST", "/"));
        connection = factory.newConnection("identity-consumer-test");
        publisher = connection.createChannel();
        publisher.confirmSelect();
        publisher.addReturnListener(ret -> returned.add(ret.getProperties().getMessageId()));
        // The same declarations the consumer makes, in case the test publishes first.
        publisher.exchangeDeclare(IDENTITY_EXCHANGE, "topic", true, true, null);
        publisher.exchangeDeclare(TENANT_EXCHANGE, "topic", true, true, null);
    }

    /** Publishes an identity event (new envelope, stamped now) and waits for the broker's confirm. */
    public CloudEvent<IdentityEvent> publish(IdentityEvent event) throws Exception {
        CloudEvent<IdentityEvent> envelope = CloudEvent.of(SOURCE, event.type(), event.entity(), event);
        publish(envelope);
        return envelope;
    }

    /** Publishes (again) an envelope, as a redelivery or a duplicate from the publisher would bring it. */
    public void publish(CloudEvent<IdentityEvent> envelope) throws Exception {
        publishRaw(IDENTITY_EXCHANGE, envelope.data().routingKey(), IdentityEvent.codec().encode(envelope), envelope.id());
    }

    /**
     * Publishes an identity event as mandatory; returns false when the broker returned it as routed to no queue.
     */
    public boolean publishMandatory(IdentityEvent event) throws Exception {
        CloudEvent<IdentityEvent> envelope = CloudEvent.of(SOURCE, event.type(), event.entity(), event);
        publishRaw(IDENTITY_EXCHANGE, event.routingKey(), IdentityEvent.codec().encode(envelope), envelope.id());
        return !returned.contains(envelope.id());
    }

    /** Publishes a tenant event with the given time, as tenant-service would route it. */
    public CloudEvent<TenantEvent> publishTenantEvent(TenantEvent event, Instant time) throws Exception {
        CloudEvent<TenantEvent> envelope = new CloudEvent<>(UUID.randomUUID().toString(), URI.create("/tenant-service"),
                event.type(), time, event.slug(), event);
        publishRaw(TENANT_EXCHANGE, RoutingKeys.tenantEvent(event.shortType(), event.tenantId()),
                TenantEvent.codec().encode(envelope), envelope.id());
        return envelope;
    }

    /** Publishes all {@code envelopes} back to back, then waits for the broker's confirms: a burst. */
    public void publishBurst(List<CloudEvent<IdentityEvent>> envelopes) throws Exception {
        synchronized (publisher) {
            for (CloudEvent<IdentityEvent> envelope : envelopes) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .contentType(MessageHeaders.CLOUDEVENTS_JSON).deliveryMode(2).messageId(envelope.id()).build();
                publisher.basicPublish(IDENTITY_EXCHANGE, envelope.data().routingKey(), true, properties,
                        IdentityEvent.codec().encode(envelope));
            }
            publisher.waitForConfirmsOrDie(30_000);
        }
    }

    /** Publishes any body as mandatory with publisher confirms. */
    public void publishRaw(String exchange, String routingKey, byte[] body, String messageId) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType(MessageHeaders.CLOUDEVENTS_JSON)
                .deliveryMode(2)
                .messageId(messageId)
                .build();
        synchronized (publisher) {
            publisher.basicPublish(exchange, routingKey, true, properties, body);
            publisher.waitForConfirmsOrDie(10_000);
        }
    }

    /** Waits for the message {@code messageId} in the DLQ of {@code queue} and takes it out (others stay). */
    public GetResponse takeDeadLetter(String queue, String messageId, Duration atMost) {
        GetResponse[] found = new GetResponse[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> (found[0] = take(Queues.deadLetterQueueOf(queue),
                messageId)) != null);
        return found[0];
    }

    /** The headers of a message as strings (the client hands header values over as LongString). */
    public static Map<String, String> headers(GetResponse message) {
        Map<String, String> headers = new HashMap<>();
        if (message.getProps().getHeaders() != null) {
            message.getProps().getHeaders().forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        return headers;
    }

    /** Whether the queue exists (passive declare on a throw-away channel). */
    public boolean queueExists(String queue) throws IOException {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            return false;
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** Deletes {@code queue} if it exists and is empty. */
    public void deleteQueueIfEmpty(String queue) throws IOException {
        if (!queueExists(queue)) {
            return;
        }
        try (Channel channel = connection.createChannel()) {
            channel.queueDelete(queue, false, true);
        } catch (IOException | TimeoutException | com.rabbitmq.client.AlreadyClosedException e) {
            // not empty (a test left something behind): leave it to expire
        }
    }

    private GetResponse take(String queue, String messageId) throws IOException, TimeoutException {
        try (Channel channel = connection.createChannel()) {
            List<Long> others = new ArrayList<>();
            GetResponse match = null;
            for (int i = 0; i < 1_000 && match == null; i++) {
                GetResponse response = channel.basicGet(queue, false);
                if (response == null) {
                    break;
                }
                if (messageId.equals(response.getProps().getMessageId())) {
                    channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    match = response;
                } else {
                    others.add(response.getEnvelope().getDeliveryTag());
                }
            }
            for (long tag : others) {
                channel.basicNack(tag, false, true);
            }
            return match;
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
