package dev.tenantfleet.identity.tenantstatus;

import dev.tenantfleet.identity.config.Channels;
import dev.tenantfleet.identity.deadletter.DeadLetterPublisher;
import dev.tenantfleet.identity.failure.Retrier;
import dev.tenantfleet.identity.metrics.IdentityMetrics;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.model.tenant.TenantEvent;
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
 * Consumes tenant events for the status mirror. Thin: decode, hand to {@link TenantStatusHandler} (retrying while
 * Redis is unavailable), ack; unreadable messages are dead-lettered with the reason; a status that cannot be written
 * after the retries goes back to the queue.
 */
@ApplicationScoped
public class TenantEventConsumer {
    private static final Logger LOG = Logger.getLogger(TenantEventConsumer.class);
    private static final Metadata REQUEUE = Metadata.of(new RabbitMQRejectMetadata(true));

    private final CloudEventCodec<TenantEvent> codec = TenantEvent.codec();
    private final TenantStatusHandler handler;
    private final Retrier retrier;
    private final DeadLetterPublisher deadLetters;
    private final IdentityMetrics metrics;
    private final String queue;

    public TenantEventConsumer(TenantStatusHandler handler, Retrier retrier, DeadLetterPublisher deadLetters,
            IdentityMetrics metrics,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.TENANT_EVENTS + ".queue.name") String queue) {
        this.handler = handler;
        this.retrier = retrier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.queue = queue;
    }

    @Incoming(Channels.TENANT_EVENTS)
    @Blocking(value = Channels.TENANT_EVENTS_POOL, ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        CloudEvent<TenantEvent> event;
        try {
            event = codec.decode(message.getPayload() == null ? new byte[0] : message.getPayload());
        } catch (MessageFormatException e) {
            return deadLetters.deadLetter(message, queue, e.code(), e.getMessage());
        }
        try (TenantLogContext log = TenantLogContext.tenant(event.data().slug())) {
            retrier.run("tenant event " + event.id(), () -> handler.handle(event));
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf("Tenant event %s (%s) could not be mirrored, it goes back to the queue: %s", event.id(), event.type(),
                    e.getMessage());
            LOG.debug("Cause of the requeue", e);
            metrics.requeued(Channels.TENANT_EVENTS);
            return message.nack(e, REQUEUE);
        }
    }
}
