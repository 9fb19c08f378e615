package dev.tenantfleet.identity.event;

import dev.tenantfleet.identity.config.Channels;
import dev.tenantfleet.identity.config.IdentityConfig;
import dev.tenantfleet.identity.failure.IdentityConsumerException;
import dev.tenantfleet.identity.failure.Retrier;
import dev.tenantfleet.identity.metrics.IdentityMetrics;
import dev.tenantfleet.messaging.IncomingCloudEvents;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.observability.TenantLogContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes identity events. Thin on purpose: decode, hand to {@link IdentityEventHandler}, then ack or nack each
 * delivery explicitly; decoding, dead-lettering and requeueing are {@link IncomingCloudEvents}'.
 * <ul>
 * <li>unreadable (malformed JSON, unknown type, missing or wrong fields): dead-lettered with the reason, then acked;</li>
 * <li>applied, or ignored as stale: acked (only after the effect is in Redis and, for a removed membership, committed
 * in the tenant's database);</li>
 * <li>can never be applied (unknown tenant, undecryptable password, a failing cleanup statement): dead-lettered;</li>
 * <li>cannot be applied yet (Redis or a database down) after {@code identity.retry.max-duration}: nacked with requeue,
 * so the event waits in the queue.</li>
 * </ul>
 * Deliveries are taken in natural batches ({@link NaturalBatcher}): up to {@code identity.consumer.max-batch} of
 * whatever arrived while {@code identity.consumer.concurrency} workers were busy, so under load the handler pipelines
 * a batch's Redis work in one round trip, and at a low rate each event is handled alone at once. Unordered: the
 * version check makes order irrelevant.
 */
@ApplicationScoped
public class IdentityEventConsumer {
    private static final Logger LOG = Logger.getLogger(IdentityEventConsumer.class);

    private final CloudEventCodec<IdentityEvent> codec = IdentityEvent.codec();
    private final IdentityEventHandler handler;
    private final IncomingCloudEvents incoming;
    private final IdentityMetrics metrics;
    private final IdentityConfig.Consumer config;
    private final ExecutorService workers;
    private volatile NaturalBatcher<Message<byte[]>> batcher;

    public IdentityEventConsumer(
            IdentityEventHandler handler,
            IncomingCloudEvents incoming,
            IdentityMetrics metrics,
            IdentityConfig config) {
        this.handler = handler;
        this.incoming = incoming;
        this.metrics = metrics;
        this.config = config.consumer();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(this.config.concurrency(), work -> {
            Thread thread = new Thread(work, Channels.IDENTITY_EVENTS + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Incoming(Channels.IDENTITY_EVENTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Flow.Subscriber<Message<byte[]>> consume() {
        batcher = new NaturalBatcher<>(workers, config.concurrency(), config.maxBatch(), this::consumeBatch);
        return batcher;
    }

    void consumeBatch(List<Message<byte[]>> messages) {
        metrics.batch(messages.size());
        try {
            List<Message<byte[]>> readable = new ArrayList<>(messages.size());
            List<CloudEvent<IdentityEvent>> events = new ArrayList<>(messages.size());
            for (Message<byte[]> message : messages) {
                try {
                    events.add(IncomingCloudEvents.decode(message, codec));
                    readable.add(message);
                } catch (MessageFormatException e) {
                    incoming.deadLetter(Channels.IDENTITY_EVENTS, message, e);
                }
            }
            handler.handleAll(events, (result, i) -> settle(readable.get(i), events.get(i), result));
        } catch (RuntimeException | Error e) { // a bug, not an event's fault: a settled message ignores this nack
            LOG.error("A batch of identity events failed; its unsettled deliveries go back to the queue", e);
            messages.forEach(message -> IncomingCloudEvents.requeue(message, e));
        }
    }

    private void settle(Message<byte[]> message, CloudEvent<IdentityEvent> event, EventResult result) {
        if (result.failure() == null) {
            message.ack();
            return;
        }
        // Every line about this event names its tenant (by id: identity events carry no slug); none for global ones.
        try (TenantLogContext log = TenantLogContext.tenantId(event.data().tenantId())) {
            RuntimeException failure = result.failure();
            if (failure instanceof IdentityConsumerException e && !Retrier.isTransient(e)) {
                incoming.deadLetter(
                        Channels.IDENTITY_EVENTS,
                        message,
                        e.code(),
                        "event " + event.id() + " (" + event.type() + "): " + e.getMessage());
            } else {
                requeue(message, event, failure);
            }
        }
    }

    private void requeue(Message<byte[]> message, CloudEvent<IdentityEvent> event, RuntimeException e) {
        LOG.errorf(
                "Identity event %s (%s) could not be applied, it goes back to the queue: %s",
                event.id(), event.type(), e.getMessage());
        LOG.debug("Cause of the requeue", e);
        metrics.requeued(Channels.IDENTITY_EVENTS);
        IncomingCloudEvents.requeue(message, e);
    }

    @PreDestroy
    void stopWorkers() throws InterruptedException {
        if (batcher != null) {
            batcher.stop(); // batches in progress finish; what is still queued is redelivered once the channel closes
        }
        workers.shutdown();
        if (!workers.awaitTermination(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Identity event workers still busy at shutdown; their unacked deliveries go back to the queue");
            workers.shutdownNow();
        }
    }
}
