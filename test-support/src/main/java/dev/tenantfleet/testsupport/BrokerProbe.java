package dev.tenantfleet.testsupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A temporary, exclusive queue on the real broker bound to an exchange, collecting every message that
 * arrives; deleted on close. Lets tests see exactly what tenant-service published.
 */
public final class BrokerProbe implements AutoCloseable {
    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One received message. */
    public record Received(String routingKey, String messageId, String body) {}

    private BrokerProbe(String exchange, String bindingKey) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(System.getProperty(
                TestVhosts.PROBE_VHOST_PROPERTY, System.getenv().getOrDefault("RABBITMQ_VIRTUAL_HOST", "/")));
        connection = factory.newConnection("tenant-fleet-test-probe");
        channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, bindingKey);
        DeliverCallback callback = (tag, delivery) -> received.add(new Received(
                delivery.getEnvelope().getRoutingKey(),
                delivery.getProperties().getMessageId(),
                new String(delivery.getBody(), StandardCharsets.UTF_8)));
        channel.basicConsume(queue, true, callback, tag -> {});
    }

    /** Starts collecting what is published to {@code exchange} under {@code bindingKey}. */
    public static BrokerProbe bind(String exchange, String bindingKey) {
        try {
            return new BrokerProbe(exchange, bindingKey);
        } catch (Exception e) {
            throw new IllegalStateException("cannot bind a probe queue to " + exchange, e);
        }
    }

    /** Everything received so far. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Publishes a raw message, with publisher confirms, to {@code exchange}. */
    public void publish(String exchange, String routingKey, String messageId, String body) {
        try {
            channel.confirmSelect();
            channel.basicPublish(
                    exchange,
                    routingKey,
                    new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                            .messageId(messageId)
                            .contentType("application/cloudevents+json")
                            .deliveryMode(2)
                            .build(),
                    body.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        } catch (Exception e) {
            throw new IllegalStateException("publish to " + exchange + " failed", e);
        }
    }

    /**
     * Takes the message with {@code messageId} from {@code queue} (e.g. a DLQ), acking it so the queue is left as
     * it was; other messages met on the way are requeued. Empty when it is not there (yet).
     */
    public java.util.Optional<com.rabbitmq.client.GetResponse> take(String queue, String messageId) {
        try (Channel getter = connection.createChannel()) {
            java.util.List<Long> others = new java.util.ArrayList<>();
            java.util.Optional<com.rabbitmq.client.GetResponse> found = java.util.Optional.empty();
            com.rabbitmq.client.GetResponse response;
            while (found.isEmpty() && (response = getter.basicGet(queue, false)) != null) {
                if (messageId.equals(response.getProps().getMessageId())) {
                    getter.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    found = java.util.Optional.of(response);
                } else {
                    others.add(response.getEnvelope().getDeliveryTag());
                }
            }
            for (long tag : others) {
                getter.basicNack(tag, false, true);
            }
            return found;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + queue, e);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
