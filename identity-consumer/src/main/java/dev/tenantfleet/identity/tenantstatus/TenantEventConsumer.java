package dev.tenantfleet.identity.tenantstatus;

import dev.tenantfleet.identity.config.Channels;
import dev.tenantfleet.identity.failure.Retrier;
import dev.tenantfleet.identity.metrics.IdentityMetrics;
import dev.tenantfleet.messaging.IncomingCloudEvents;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.model.tenant.TenantEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes tenant events for the status mirror. Thin: decode, hand to {@link TenantStatusHandler} (retrying while
 * Redis is unavailable), ack; unreadable messages are dead-lettered with the reason ({@link IncomingCloudEvents}); a
 * status that cannot be written after the retries goes back to the queue.
 */
@ApplicationScoped
public class TenantEventConsumer {
    private static final Logger LOG = Logger.getLogger(TenantEventConsumer.class);

    private final CloudEventCodec<TenantEvent> codec = TenantEvent.codec();
    private final IncomingCloudEvents incoming;
    private final TenantStatusHandler handler;
    private final Retrier retrier;
    private final IdentityMetrics metrics;

    public TenantEventConsumer(
            IncomingCloudEvents incoming, TenantStatusHandler handler, Retrier retrier, IdentityMetrics metrics) {
        this.incoming = incoming;
        this.handler = handler;
        this.retrier = retrier;
        this.metrics = metrics;
    }

    @Incoming(Channels.TENANT_EVENTS)
    @Blocking(value = Channels.TENANT_EVENTS_POOL, ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return incoming.consume(Channels.TENANT_EVENTS, message, codec, event -> mirror(message, event));
    }

    private CompletionStage<Void> mirror(Message<byte[]> message, CloudEvent<TenantEvent> event) {
        try (TenantLogContext log = TenantLogContext.tenant(event.data().slug())) {
            retrier.run("tenant event " + event.id(), () -> handler.handle(event));
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf(
                    "Tenant event %s (%s) could not be mirrored, it goes back to the queue: %s",
                    event.id(), event.type(), e.getMessage());
            LOG.debug("Cause of the requeue", e);
            metrics.requeued(Channels.TENANT_EVENTS);
            return IncomingCloudEvents.requeue(message, e);
        }
    }
}
