package dev.tenantfleet.testsupport;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;
import dev.tenantfleet.model.messaging.MessageHeaders;
import dev.tenantfleet.model.messaging.Queues;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;

/**
 * A test's own view of the real broker through the plain RabbitMQ Java client, in the vhost the service under test
 * uses ({@link TestVhosts#PROBE_VHOST_PROPERTY}, else {@code RABBITMQ_VIRTUAL_HOST}, else /): publishes with publisher
 * confirms (mandatory, remembering what the broker returned as unroutable), receives through temporary exclusive
 * queues (deleted with the connection) and takes given messages out of a queue, leaving the others in place. Each
 * suite's {@code TestBroker} adds what its messages look like.
 */
public class TestBrokerClient implements AutoCloseable {
    private static final int PERSISTENT = 2;

    private final Connection connection;
    private final Channel publisher;
    private final Channel consumer;
    private final Set<String> returned = ConcurrentHashMap.newKeySet();

    /** A raw message to publish. */
    public record Outgoing(String routingKey, byte[] body, String messageId) {}

    /** Connects as {@code connectionName} (shown in the broker's connection list). */
    protected TestBrokerClient(String connectionName) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
        factory.setUsername(env("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(System.getProperty(TestVhosts.PROBE_VHOST_PROPERTY, env("RABBITMQ_VIRTUAL_HOST", "/")));
        connection = factory.newConnection(connectionName);
        publisher = connection.createChannel();
        publisher.confirmSelect();
        publisher.addReturnListener(ret -> returned.add(ret.getProperties().getMessageId()));
        consumer = connection.createChannel();
    }

    /**
     * Declares {@code exchange} as the service declares it (idempotent), in case the test binds or publishes before
     * the service did.
     */
    public void declareExchange(String exchange, String type, boolean autoDelete) throws IOException {
        consumer.exchangeDeclare(exchange, type, true, autoDelete, null);
    }

    /** Publishes any body as mandatory to {@code exchange} and waits for the broker's confirm. */
    public void publishRaw(String exchange, String routingKey, byte[] body, String messageId) throws Exception {
        publishAll(exchange, List.of(new Outgoing(routingKey, body, messageId)), Duration.ofSeconds(10));
    }

    /** Publishes all {@code messages} back to back (a burst), then waits for the broker's confirms. */
    public void publishAll(String exchange, List<Outgoing> messages, Duration confirmTimeout) throws Exception {
        synchronized (publisher) {
            for (Outgoing message : messages) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .contentType(MessageHeaders.CLOUDEVENTS_JSON)
                        .deliveryMode(PERSISTENT)
                        .messageId(message.messageId())
                        .build();
                publisher.basicPublish(exchange, message.routingKey(), true, properties, message.body());
            }
            publisher.waitForConfirmsOrDie(confirmTimeout.toMillis());
        }
    }

    /** Whether the broker returned the message {@code messageId} as routed to no queue. */
    public boolean wasReturned(String messageId) {
        return returned.contains(messageId);
    }

    /** A temporary exclusive queue bound to {@code exchange} for {@code bindingKey}. */
    public Inbox inbox(String exchange, String bindingKey) throws IOException {
        String queue = consumer.queueDeclare("", false, true, true, null).getQueue();
        consumer.queueBind(queue, exchange, bindingKey);
        Inbox inbox = new Inbox(queue);
        consumer.basicConsume(queue, true, (tag, delivery) -> inbox.deliveries.add(delivery), tag -> {});
        return inbox;
    }

    /**
     * Removes the messages with the given message ids from {@code queue}, leaving every other message in place
     * (they are requeued), so a test does not leave its own poison messages in a shared DLQ. Returns how many it removed.
     */
    public int removeFromQueue(String queue, Set<String> messageIds) throws IOException {
        return take(queue, messageIds).size();
    }

    /** Waits for the message {@code messageId} in the DLQ of {@code queue} and takes it out (others stay). */
    public GetResponse takeDeadLetter(String queue, String messageId, Duration atMost) {
        List<GetResponse> found = new ArrayList<>();
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> found.addAll(take(Queues.deadLetterQueueOf(queue), Set.of(messageId))));
        return found.get(0);
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
        } catch (IOException | TimeoutException | AlreadyClosedException e) {
            // not empty (a test left something behind): leave it to expire
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    /** Takes (acks) the messages with the given ids out of {@code queue}; the others met on the way are requeued. */
    private List<GetResponse> take(String queue, Set<String> messageIds) throws IOException {
        List<GetResponse> taken = new ArrayList<>();
        try (Channel channel = connection.createChannel()) {
            List<Long> others = new ArrayList<>();
            for (int i = 0; i < 1_000 && taken.size() < messageIds.size(); i++) {
                GetResponse response = channel.basicGet(queue, false);
                if (response == null) {
                    break;
                }
                long tag = response.getEnvelope().getDeliveryTag();
                if (messageIds.contains(response.getProps().getMessageId())) {
                    channel.basicAck(tag, false);
                    taken.add(response);
                } else {
                    others.add(tag);
                }
            }
            for (long tag : others) {
                channel.basicNack(tag, false, true);
            }
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
        return taken;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Deliveries received on one temporary queue. */
    public static final class Inbox {
        private final String queue;
        private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

        private Inbox(String queue) {
            this.queue = queue;
        }

        public String queue() {
            return queue;
        }

        /** Waits for the next delivery. */
        public Delivery next(Duration atMost) {
            Delivery[] next = new Delivery[1];
            await().atMost(atMost).until(() -> (next[0] = deliveries.poll()) != null);
            return next[0];
        }

        /** Waits for the delivery with message id {@code messageId}; other deliveries stay in the inbox. */
        public Delivery next(String messageId, Duration atMost) {
            Delivery[] next = new Delivery[1];
            await().atMost(atMost).until(() -> {
                for (Delivery delivery : deliveries) {
                    if (messageId.equals(delivery.getProperties().getMessageId()) && deliveries.remove(delivery)) {
                        next[0] = delivery;
                        return true;
                    }
                }
                return false;
            });
            return next[0];
        }

        /** Whether nothing has arrived (yet). */
        public boolean isEmpty() {
            return deliveries.isEmpty();
        }
    }
}
