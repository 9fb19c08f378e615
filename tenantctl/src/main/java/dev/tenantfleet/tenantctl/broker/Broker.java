package dev.tenantfleet.tenantctl.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateRelease;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.tenantctl.Settings;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * tenantctl's one connection to RabbitMQ: publishes migrate-release commands (publisher confirms + mandatory) and
 * follows one release's events through an exclusive, auto-delete queue. The exchanges belong to the services, so
 * they are only checked (passive declare), never declared.
 */
public final class Broker implements AutoCloseable {
    /** AMQP content type of CloudEvents structured mode. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final long CONFIRM_TIMEOUT_MILLIS = 15_000;

    private final Settings settings;
    private final Connection connection;
    private final CloudEventCodec<MigrationCommand> commands = MigrationCommand.codec();
    private final CloudEventCodec<ReleaseEvent> events = ReleaseEvent.codec();

    private Broker(Settings settings, Connection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /** Connects, or fails with exit code 5 and a message saying where and why. */
    public static Broker connect(Settings settings, String purpose) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.rabbitHost());
        factory.setPort(settings.rabbitPort());
        factory.setUsername(settings.rabbitUser());
        factory.setPassword(settings.rabbitPassword());
        factory.setVirtualHost(settings.rabbitVhost());
        factory.setConnectionTimeout(10_000);
        factory.setHandshakeTimeout(10_000);
        factory.setRequestedHeartbeat(30);
        // a dropped connection is re-opened, with the exclusive queue and its binding; what was published meanwhile
        // is lost, which the follower covers by asking the REST API after a silence
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(5_000);
        try {
            return new Broker(settings, factory.newConnection("tenantctl " + purpose + " (" + settings.actor() + ")"));
        } catch (AuthenticationFailureException e) {
            throw new BrokerException(
                    "RabbitMQ at " + settings.brokerDescription() + " refused the login of '" + settings.rabbitUser()
                            + "'; check RABBITMQ_USERNAME / RABBITMQ_PASSWORD",
                    e);
        } catch (IOException | TimeoutException e) {
            throw new BrokerException(
                    "cannot connect to RabbitMQ at " + settings.brokerDescription() + ": " + describe(e)
                            + "; check RABBITMQ_HOST / RABBITMQ_PORT / RABBITMQ_VIRTUAL_HOST",
                    e);
        }
    }

    /**
     * Publishes a migrate-release command to {@code migration.commands} / {@code command.migrate-release}, persistent
     * and mandatory, and waits for the broker's confirm. Fails (exit 5) when the exchange is missing, no queue is
     * bound (tenant-service never started on this broker), or the broker nacks or does not confirm.
     */
    public void publish(CloudEvent<MigrateRelease> command) {
        requireExchange(Exchanges.MIGRATION_COMMANDS);
        AtomicReference<Return> returned = new AtomicReference<>();
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            // returns are delivered before the confirm of the same message, so the listener has run when the wait ends
            channel.addReturnListener(returned::set);
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .messageId(command.id())
                    .type(command.type())
                    .contentType(CONTENT_TYPE)
                    .deliveryMode(2)
                    .timestamp(Date.from(command.time()))
                    .appId("tenantctl")
                    .build();
            channel.basicPublish(
                    Exchanges.MIGRATION_COMMANDS,
                    RoutingKeys.MIGRATE_RELEASE_COMMAND,
                    true,
                    properties,
                    commands.encode(command));
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
        } catch (TimeoutException e) {
            throw new BrokerException(
                    "RabbitMQ did not confirm the migrate-release command within "
                            + CONFIRM_TIMEOUT_MILLIS / 1000 + " s; it may or may not have been accepted (release "
                            + command.data().releaseId() + ")",
                    e);
        } catch (IOException | ShutdownSignalException e) {
            throw new BrokerException("RabbitMQ refused the migrate-release command: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while publishing the migrate-release command", e);
        }
        Return unroutable = returned.get();
        if (unroutable != null) {
            throw new BrokerException("the migrate-release command could not be routed (" + unroutable.getReplyText()
                    + "): no queue is bound to exchange '" + Exchanges.MIGRATION_COMMANDS + "' with routing key '"
                    + RoutingKeys.MIGRATE_RELEASE_COMMAND + "' on " + settings.brokerDescription()
                    + ". Is tenant-service running (and does it know migrate-release)? Nothing was started.");
        }
    }

    /**
     * Declares an exclusive, auto-delete queue bound to {@code migration.results} with
     * {@code release.<id>.#} and starts consuming it. Call this BEFORE starting the release so no event is lost.
     */
    public BlockingQueue<ReleaseSignal> follow(UUID releaseId) {
        requireExchange(Exchanges.MIGRATION_RESULTS);
        BlockingQueue<ReleaseSignal> signals = new LinkedBlockingQueue<>();
        try {
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare(
                            "tenantctl.release." + releaseId + "."
                                    + UUID.randomUUID().toString().substring(0, 8),
                            false,
                            true,
                            true,
                            null)
                    .getQueue();
            channel.queueBind(queue, Exchanges.MIGRATION_RESULTS, RoutingKeys.allEventsOfRelease(releaseId));
            channel.basicConsume(
                    queue,
                    true,
                    "tenantctl",
                    (tag, delivery) -> {
                        try {
                            signals.add(new ReleaseSignal.Event(events.decode(delivery.getBody())));
                        } catch (MessageFormatException e) {
                            signals.add(new ReleaseSignal.Unreadable(e.getMessage()));
                        }
                    },
                    tag -> signals.add(new ReleaseSignal.Interrupted("the broker cancelled tenantctl's consumer")),
                    (tag, signal) -> {
                        if (!signal.isInitiatedByApplication()) {
                            signals.add(new ReleaseSignal.Interrupted(
                                    "connection to RabbitMQ lost (" + signal.getMessage() + "); reconnecting"));
                        }
                    });
            if (connection instanceof Recoverable recoverable) {
                recoverable.addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable recovered) {
                        signals.add(new ReleaseSignal.Interrupted("reconnected to RabbitMQ; events published while "
                                + "disconnected are lost, the REST API fills the gap"));
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable recovering) {}
                });
            }
        } catch (IOException e) {
            throw new BrokerException(
                    "cannot bind a queue to '" + Exchanges.MIGRATION_RESULTS + "' on " + settings.brokerDescription()
                            + ": " + describe(e),
                    e);
        }
        return signals;
    }

    @Override
    public void close() {
        try {
            if (connection.isOpen()) {
                connection.close(5_000);
            }
        } catch (IOException | RuntimeException e) {
            // closing is best effort: the exclusive queue dies with the connection anyway
        }
    }

    private void requireExchange(String exchange) {
        try (Channel channel = connection.createChannel()) {
            channel.exchangeDeclarePassive(exchange);
        } catch (IOException e) {
            if (describe(e).contains("NOT_FOUND")) {
                throw new BrokerException(
                        "exchange '" + exchange + "' does not exist on "
                                + settings.brokerDescription()
                                + ": tenant-service has never started on this broker/vhost "
                                + "(it declares the exchanges). Nothing was started.",
                        e);
            }
            throw new BrokerException(
                    "cannot check exchange '" + exchange + "' on " + settings.brokerDescription() + ": " + describe(e),
                    e);
        } catch (TimeoutException | ShutdownSignalException e) {
            throw new BrokerException(
                    "cannot check exchange '" + exchange + "' on " + settings.brokerDescription() + ": " + describe(e),
                    e);
        }
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ShutdownSignalException signal && signal.getReason() != null) {
                return signal.getMessage();
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (cause instanceof ConnectException
                && (message == null
                        || message.isBlank()
                        || message.toLowerCase().contains("refused"))) {
            return "connection refused";
        }
        return message == null || message.isBlank()
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message;
    }
}
