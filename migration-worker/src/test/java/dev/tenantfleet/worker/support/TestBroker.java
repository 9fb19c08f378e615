package dev.tenantfleet.worker.support;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.MessageHeaders;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.RollbackTenant;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;

/**
 * The test's own view of the real broker through the plain RabbitMQ Java client: publishes commands with publisher
 * confirms and receives what the worker publishes through temporary exclusive queues (deleted with the connection).
 */
public final class TestBroker implements AutoCloseable {
    public static final String HOST = env("RABBITMQ_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("RABBITMQ_PORT", "5672"));

    /** The exchange the test worker consumes commands from (its own, see the %test block of application.properties). */
    public static final String COMMANDS_EXCHANGE = "migration.commands.worker-test";
    /** The test worker's own command queue; its DLQ is {@code <queue>.dlq}. */
    public static final String COMMANDS_QUEUE = "migration-worker-test.commands";

    private final Connection connection;
    private final Channel publisher;
    private final Channel consumer;

    public TestBroker() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setUsername(env("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
        connection = factory.newConnection("migration-worker-test");
        publisher = connection.createChannel();
        publisher.confirmSelect();
        consumer = connection.createChannel();
        // Idempotent: the same declarations the worker makes (in case the test binds before the worker declared).
        consumer.exchangeDeclare(COMMANDS_EXCHANGE, "topic", true, true, null);
        consumer.exchangeDeclare(Exchanges.MIGRATION_RESULTS, "topic", true);
        consumer.exchangeDeclare(Exchanges.DEAD_LETTERS, "direct", true);
    }

    /** Publishes a per-tenant command (migrate-tenant or rollback-tenant) and waits for the broker's confirm. */
    public CloudEvent<MigrationCommand> publish(MigrationCommand command) throws Exception {
        String slug = command instanceof MigrateTenant m ? m.slug() : ((RollbackTenant) command).slug();
        CloudEvent<MigrationCommand> event = CloudEvent.of("/migration-worker-test", command.type(), slug, command);
        publish(event);
        return event;
    }

    /** Publishes (again) an already built envelope, e.g. to simulate a redelivery. */
    public void publish(CloudEvent<MigrationCommand> event) throws Exception {
        publishRaw(routingKey(event.data()), MigrationCommand.codec().encode(event), event.id());
    }

    private static String routingKey(MigrationCommand command) {
        if (command instanceof MigrateTenant migrate) {
            return RoutingKeys.migrateTenantCommand(migrate.tenantId());
        }
        if (command instanceof RollbackTenant rollback) {
            return RoutingKeys.rollbackTenantCommand(rollback.tenantId());
        }
        throw new IllegalArgumentException(command.type() + " is not a per-tenant command");
    }

    /** Publishes any body to the test worker's command exchange and waits for the broker's confirm. */
    public void publishRaw(String routingKey, byte[] body, String messageId) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType(MessageHeaders.CLOUDEVENTS_JSON)
                .deliveryMode(2)
                .messageId(messageId)
                .build();
        synchronized (publisher) {
            publisher.basicPublish(COMMANDS_EXCHANGE, routingKey, true, properties, body);
            publisher.waitForConfirmsOrDie(10_000);
        }
    }

    /** A temporary exclusive queue bound to {@code exchange} for {@code bindingKey}. */
    public Inbox inbox(String exchange, String bindingKey) throws IOException {
        String queue = consumer.queueDeclare("", false, true, true, null).getQueue();
        consumer.queueBind(queue, exchange, bindingKey);
        Inbox inbox = new Inbox(queue);
        consumer.basicConsume(queue, true, (tag, delivery) -> inbox.deliveries.add(delivery), tag -> {
        });
        return inbox;
    }

    /** Every result the worker publishes for {@code tenantId} ({@code result.tenant.#.<tenantId>}). */
    public Inbox resultsFor(UUID tenantId) throws IOException {
        return inbox(Exchanges.MIGRATION_RESULTS, RoutingKeys.ALL_TENANT_RESULTS + "." + tenantId);
    }

    /**
     * Removes the messages with the given message ids from {@code queue}, leaving every other message in place
     * (they are requeued), so a test does not leave its own poison messages in a shared DLQ.
     */
    public int removeFromQueue(String queue, Set<String> messageIds) throws IOException {
        int removed = 0;
        try (Channel channel = connection.createChannel()) {
            List<Long> others = new ArrayList<>();
            for (int i = 0; i < 1_000 && removed < messageIds.size(); i++) {
                GetResponse response = channel.basicGet(queue, false);
                if (response == null) {
                    break;
                }
                long tag = response.getEnvelope().getDeliveryTag();
                if (messageIds.contains(response.getProps().getMessageId())) {
                    channel.basicAck(tag, false);
                    removed++;
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
        return removed;
    }

    @Override
    public void close() throws IOException {
        connection.close();
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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
