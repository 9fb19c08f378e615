package dev.tenantfleet.identity.event;

import dev.tenantfleet.identity.config.Channels;
import dev.tenantfleet.identity.deadletter.DeadLetterPublisher;
import dev.tenantfleet.identity.failure.IdentityConsumerException;
import dev.tenantfleet.identity.failure.Retrier;
import dev.tenantfleet.identity.metrics.IdentityMetrics;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.observability.TenantLogContext;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes identity events. Thin on purpose: decode, hand to {@link IdentityEventHandler} (retrying transient failures
 * in-process with backoff), then ack or nack explicitly.
 * <ul>
 * <li>unreadable (malformed JSON, unknown type, missing or wrong fields): dead-lettered with the reason, then acked;</li>
 * <li>applied, or ignored as stale: acked (only after the effect is in Redis and, for a removed membership, committed
 * in the tenant's database);</li>
 * <li>can never be applied (unknown tenant, undecryptable password, a failing cleanup statement): dead-lettered;</li>
 * <li>cannot be applied yet (Redis or a database down) after {@code identity.retry.max-duration}: nacked with requeue,
 * so the event waits in the queue.</li>
 * </ul>
 * Runs on the {@value Channels#IDENTITY_EVENTS_POOL} worker pool, unordered; the version check makes order irrelevant.
 */
@ApplicationScoped
public class IdentityEventConsumer {
    private static final Logger LOG = Logger.getLogger(IdentityEventConsumer.class);
    private static final Metadata REQUEUE = Metadata.of(new RabbitMQRejectMetadata(true));

    private final CloudEventCodec<IdentityEvent> codec = IdentityEvent.codec();
    private final IdentityEventHandler handler;
    private final Retrier retrier;
    private final DeadLetterPublisher deadLetters;
    private final IdentityMetrics metrics;
    private final String queue;

    public IdentityEventConsumer(IdentityEventHandler handler, Retrier retrier, DeadLetterPublisher deadLetters,
            IdentityMetrics metrics,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.IDENTITY_EVENTS + ".queue.name") String queue) {
        this.handler = handler;
        this.retrier = retrier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.queue = queue;
    }

    @Incoming(Channels.IDENTITY_EVENTS)
    @Blocking(value = Channels.IDENTITY_EVENTS_POOL, ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        CloudEvent<IdentityEvent> event;
        try {
            event = codec.decode(message.getPayload() == null ? new byte[0] : message.getPayload());
        } catch (MessageFormatException e) {
            return deadLetters.deadLetter(message, queue, e.code(), e.getMessage());
        }
        // Every line about this event names its tenant (by id: identity events carry no slug); none for global ones.
        try (TenantLogContext log = TenantLogContext.tenantId(event.data().tenantId())) {
            try {
                retrier.run("identity event " + event.id(), () -> handler.handle(event));
                return message.ack();
            } catch (IdentityConsumerException e) {
                if (!Retrier.isTransient(e)) {
                    return deadLetters.deadLetter(message, queue, e.code(), "event " + event.id() + " (" + event.type() + "): "
                            + e.getMessage());
                }
                return requeue(message, event, e);
            } catch (RuntimeException e) {
                return requeue(message, event, e);
            }
        }
    }

    private CompletionStage<Void> requeue(Message<byte[]> message, CloudEvent<IdentityEvent> event, RuntimeException e) {
        LOG.errorf("Identity event %s (%s) could not be applied, it goes back to the queue: %s", event.id(), event.type(),
                e.getMessage());
        LOG.debug("Cause of the requeue", e);
        metrics.requeued(Channels.IDENTITY_EVENTS);
        return message.nack(e, REQUEUE);
    }
}
