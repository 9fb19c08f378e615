package dev.tenantfleet.messaging;

import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.error.ErrorCode;
import dev.tenantfleet.model.messaging.DeadLetterHeaders;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Sends a message that can never be applied (unreadable, or readable but impossible) to the shared dead-letter exchange,
 * routed by the queue it came from (so it lands in that queue's DLQ), with {@link DeadLetterHeaders} (reason, error
 * code, source queue) added to its own headers; the body and message id are kept as received. The original is acked
 * only after the broker confirmed the copy; if it cannot be confirmed within
 * {@link DeadLetterConfig#publishTimeout()}, the original goes back to its queue. Fires {@link DeadLettered} for
 * whoever counts dead letters.
 *
 * <p>Every service configures the outgoing channel {@value #CHANNEL} to the direct exchange
 * {@code tenantfleet.dead-letters} with publisher confirms.
 */
@ApplicationScoped
public class DeadLetters {
    /** The outgoing channel of dead letters, the same name in every service. */
    public static final String CHANNEL = "dead-letters";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int PERSISTENT = 2;

    private final MutinyEmitter<byte[]> emitter;
    private final DeadLetterConfig config;
    private final Event<DeadLettered> deadLettered;

    DeadLetters(
            @Channel(CHANNEL) MutinyEmitter<byte[]> emitter,
            DeadLetterConfig config,
            Event<DeadLettered> deadLettered) {
        this.emitter = emitter;
        this.config = config;
        this.deadLettered = deadLettered;
    }

    /** Dead-letters an unreadable {@code source} consumed from {@code sourceQueue}, then acks it (or requeues it). */
    public CompletionStage<Void> deadLetter(
            Message<byte[]> source, String sourceQueue, MessageFormatException problem) {
        return settle(
                source,
                sourceQueue,
                problem.code(),
                problem.getMessage(),
                original -> DeadLetterHeaders.of(original, sourceQueue, problem));
    }

    /**
     * Dead-letters {@code source}, readable but never applicable, with {@code code} and {@code reason}, then acks it
     * (or requeues it).
     */
    public CompletionStage<Void> deadLetter(Message<byte[]> source, String sourceQueue, ErrorCode code, String reason) {
        return settle(
                source,
                sourceQueue,
                code,
                reason,
                original -> DeadLetterHeaders.of(original, sourceQueue, code, reason));
    }

    private CompletionStage<Void> settle(
            Message<byte[]> source,
            String sourceQueue,
            ErrorCode code,
            String reason,
            UnaryOperator<Map<String, Object>> headers) {
        try {
            publish(source, sourceQueue, headers);
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "A message from %s could not be dead-lettered (%s); it goes back to the queue",
                    sourceQueue,
                    code.name());
            return IncomingCloudEvents.requeue(source, e);
        }
        deadLettered.fire(new DeadLettered(sourceQueue, code));
        LOG.warnf("Dead-lettered a message from %s: %s (%s)", sourceQueue, code.name(), reason);
        return source.ack();
    }

    private void publish(Message<byte[]> source, String sourceQueue, UnaryOperator<Map<String, Object>> headers) {
        Optional<IncomingRabbitMQMetadata> incoming = source.getMetadata(IncomingRabbitMQMetadata.class);
        OutgoingRabbitMQMetadata.Builder metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(sourceQueue)
                .withHeaders(headers.apply(
                        incoming.map(IncomingRabbitMQMetadata::getHeaders).orElse(null)))
                .withDeliveryMode(PERSISTENT)
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                .withContentType(incoming.flatMap(IncomingRabbitMQMetadata::getContentType)
                        .orElse("application/octet-stream"));
        incoming.flatMap(IncomingRabbitMQMetadata::getMessageId).ifPresent(metadata::withMessageId);
        incoming.flatMap(IncomingRabbitMQMetadata::getCorrelationId).ifPresent(metadata::withCorrelationId);
        emitter.sendMessage(Message.of(IncomingCloudEvents.body(source), Metadata.of(metadata.build())))
                .await()
                .atMost(config.publishTimeout());
    }
}
