package dev.tenantfleet.messaging;

import io.quarkus.arc.Unremovable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.PublisherDecorator;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.health.HealthReporter;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQConnector;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.logging.Logger;

/**
 * Brings an incoming RabbitMQ channel back to consuming after the broker ended its consumer.
 *
 * <p>Why this exists: the SmallRye RabbitMQ connector (4.33, on the Vert.x RabbitMQ client) reconnects a lost
 * connection by itself, re-declares the channel's exchange, queue, bindings and DLQ on the new connection, and moves
 * a consumer whose connection died to it. But when the broker <em>cancels</em> a consumer, which it does to every
 * consumer of a queue that is deleted, and so to all of them when the vhost is deleted or a broker comes back without
 * its definitions, the client ends the channel's message stream. The connector then cancels that consumer once more,
 * which fails with {@code IOException: Unknown consumerTag}, and its stream fails. Reactive Messaging never subscribes
 * to a failed (or completed) incoming stream again: the channel has no consumer until the service restarts, and the
 * failure is recorded against the consuming method, so readiness stays DOWN. No connector setting changes that.
 *
 * <p>This decorator sits right on each RabbitMQ incoming channel's stream (before any other decorator and before the
 * consuming method) and turns the end of that stream into a wait: it checks every
 * {@link ConsumerRecoveryConfig#retryInterval()} whether the connector reports the channel's connection up again and
 * then subscribes to the connector's stream again, which declares nothing itself (the connector re-declared the
 * topology when it reconnected) but issues a fresh {@code basic.consume}. If that fails (the queue is not there yet) it
 * waits again. The consuming method never sees the interruption, so nothing is recorded against it.
 *
 * <p>Nothing is lost: messages are acked by the consumers only after their effect is committed, and whatever was
 * delivered but not acked when a consumer or connection ended is requeued by the broker and delivered again (the
 * handlers are idempotent). Messages in a queue the broker deleted are gone with it; that is the broker's loss, not
 * ours, and the outbox does not re-send what the broker confirmed.
 *
 * <p>While a channel is without consumer, {@link BrokerConsumersCheck} reports readiness DOWN.
 */
@ApplicationScoped
@Unremovable
public class ConsumerRecovery implements PublisherDecorator {
    private static final Logger LOG = Logger.getLogger(ConsumerRecovery.class);
    /** Applied before every other decorator, right on the connector's stream: a resubscription reaches only it. */
    private static final int PRIORITY = -1000;

    private final Config config;
    private final ConsumerRecoveryConfig recovery;
    private final Instance<HealthReporter> rabbitmq;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Map<String, Lost> lost = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> endings = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** Why and since when a channel is without consumer. */
    public record Lost(Instant since, String reason) {}

    ConsumerRecovery(
            Config config,
            ConsumerRecoveryConfig recovery,
            @Connector(RabbitMQConnector.CONNECTOR_NAME) Instance<HealthReporter> rabbitmq) {
        this.config = config;
        this.recovery = recovery;
        this.rabbitmq = rabbitmq;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Multi<? extends Message<?>> decorate(
            Multi<? extends Message<?>> publisher, List<String> channelNames, boolean isConnector) {
        if (!isConnector || channelNames.size() != 1 || !isRabbitMqIncoming(channelNames.get(0))) {
            return publisher;
        }
        String channel = channelNames.get(0);
        channels.add(channel);
        return ((Multi<Message<?>>) publisher)
                .onSubscription()
                .invoke(() -> resubscribed(channel))
                .onCompletion()
                .failWith(() -> new IllegalStateException("the broker ended the consumer"))
                .onFailure()
                .invoke(failure -> ended(channel, failure))
                .onFailure()
                .retry()
                .when(failures -> failures.onItem().transformToUniAndConcatenate(failure -> connectionBack(channel)));
    }

    /** The RabbitMQ incoming channels that are without consumer now, by channel name. */
    public Map<String, Lost> lostChannels() {
        return Map.copyOf(lost);
    }

    /** Every RabbitMQ incoming channel of the service (the ones this decorator watches). */
    public Set<String> channels() {
        return Set.copyOf(channels);
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    private boolean isRabbitMqIncoming(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".connector", String.class)
                .filter(RabbitMQConnector.CONNECTOR_NAME::equals)
                .isPresent();
    }

    private void ended(String channel, Throwable failure) {
        endings(channel).incrementAndGet();
        if (stopping) {
            return;
        }
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (lost.putIfAbsent(channel, new Lost(Instant.now(), reason)) == null) {
            LOG.warnf(
                    "RabbitMQ consumer of channel %s ended (%s); it consumes again as soon as its connection is back",
                    channel, reason);
        } else {
            LOG.debugf("RabbitMQ consumer of channel %s not back yet (%s)", channel, reason);
        }
    }

    /**
     * Subscribed again: the connector issues {@code basic.consume}, which fails at once if the queue is not there (yet).
     * The channel counts as consuming once its new stream has run for one retry interval without ending.
     */
    private void resubscribed(String channel) {
        if (!lost.containsKey(channel)) {
            return;
        }
        long endingsSoFar = endings(channel).get();
        Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(recovery.retryInterval())
                .subscribe()
                .with(ignored -> {
                    if (endings(channel).get() == endingsSoFar) {
                        Lost was = lost.remove(channel);
                        if (was != null) {
                            LOG.infof(
                                    "RabbitMQ consumer of channel %s is consuming again (it had ended at %s)",
                                    channel, was.since());
                        }
                    }
                });
    }

    private AtomicLong endings(String channel) {
        return endings.computeIfAbsent(channel, name -> new AtomicLong());
    }

    /** Completes once the connector reports the channel's connection (and AMQP channel) open; fails on shutdown. */
    private Uni<Long> connectionBack(String channel) {
        return Multi.createFrom()
                .ticks()
                .startingAfter(recovery.retryInterval())
                .every(recovery.retryInterval())
                .filter(tick -> stopping || connected(channel))
                .toUni()
                .onItem()
                .invoke(tick -> {
                    if (stopping) {
                        throw new IllegalStateException(
                                "shutting down: channel " + channel + " stays without consumer");
                    }
                });
    }

    private boolean connected(String channel) {
        HealthReport report = rabbitmq.get().getReadiness();
        return report.getChannels().stream()
                .filter(info -> info.getChannel().equals(channel))
                .allMatch(HealthReport.ChannelInfo::isOk);
    }
}
