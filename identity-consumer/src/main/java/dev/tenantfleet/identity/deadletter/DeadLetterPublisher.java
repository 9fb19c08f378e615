package dev.tenantfleet.identity.deadletter;

import dev.tenantfleet.identity.config.Channels;
import dev.tenantfleet.identity.config.IdentityConfig;
import dev.tenantfleet.identity.metrics.IdentityMetrics;
import dev.tenantfleet.model.error.ErrorCode;
import dev.tenantfleet.model.messaging.DeadLetterHeaders;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Sends a message that can never be applied to the shared dead-letter exchange, routed by the queue it came from (so
 * it lands in that queue's DLQ), with {@link DeadLetterHeaders} (reason, error code, source queue); the body is kept as
 * received. The original is acked only after the broker confirmed the copy; if it cannot be confirmed, the original
 * goes back to its queue.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    private static final Metadata REQUEUE = Metadata.of(new RabbitMQRejectMetadata(true));
    private static final int PERSISTENT = 2;

    private final MutinyEmitter<byte[]> emitter;
    private final IdentityMetrics metrics;
    private final Duration publishTimeout;

    public DeadLetterPublisher(@Channel(Channels.DEAD_LETTERS) MutinyEmitter<byte[]> emitter, IdentityMetrics metrics,
            IdentityConfig config) {
        this.emitter = emitter;
        this.metrics = metrics;
        this.publishTimeout = config.consumer().publishTimeout();
    }

    /** Dead-letters {@code source} with {@code code} and {@code reason}, then acks it (or nacks it with requeue). */
    public CompletionStage<Void> deadLetter(Message<byte[]> source, String sourceQueue, ErrorCode code, String reason) {
        try {
            publish(source, sourceQueue, code, reason);
        } catch (RuntimeException e) {
            LOG.errorf(e, "A message from %s could not be dead-lettered (%s); it goes back to the queue", sourceQueue, code.name());
            return source.nack(e, REQUEUE);
        }
        metrics.deadLettered(code.name());
        LOG.warnf("Dead-lettered a message from %s: %s (%s)", sourceQueue, code.name(), reason);
        return source.ack();
    }

    private void publish(Message<byte[]> source, String sourceQueue, ErrorCode code, String reason) {
        Optional<IncomingRabbitMQMetadata> incoming = source.getMetadata(IncomingRabbitMQMetadata.class);
        Map<String, Object> headers = DeadLetterHeaders.of(incoming.map(IncomingRabbitMQMetadata::getHeaders).orElse(null),
                sourceQueue, code, reason);
        OutgoingRabbitMQMetadata.Builder metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(sourceQueue)
                .withHeaders(headers)
                .withDeliveryMode(PERSISTENT)
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                .withContentType(incoming.flatMap(IncomingRabbitMQMetadata::getContentType).orElse("application/octet-stream"));
        incoming.flatMap(IncomingRabbitMQMetadata::getMessageId).ifPresent(metadata::withMessageId);
        incoming.flatMap(IncomingRabbitMQMetadata::getCorrelationId).ifPresent(metadata::withCorrelationId);
        byte[] body = source.getPayload() == null ? new byte[0] : source.getPayload();
        emitter.sendMessage(Message.of(body, Metadata.of(metadata.build()))).await().atMost(publishTimeout);
    }
}
