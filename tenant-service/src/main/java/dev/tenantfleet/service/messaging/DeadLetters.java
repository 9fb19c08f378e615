package dev.tenantfleet.service.messaging;

import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.messaging.DeadLetterHeaders;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends a message tenant-service cannot read to the dead-letter exchange, routed by its source queue (so it
 * lands in that queue's DLQ) with the reason headers; blocks until the broker confirmed it.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    private final MutinyEmitter<byte[]> emitter;

    DeadLetters(@Channel(Channels.DEAD_LETTERS_OUT) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Dead-letters {@code source}, consumed from {@code sourceQueue}, because of {@code problem}. */
    public void publish(Message<byte[]> source, String sourceQueue, MessageFormatException problem) {
        Optional<IncomingRabbitMQMetadata> incoming = source.getMetadata(IncomingRabbitMQMetadata.class);
        Map<String, Object> original = incoming.map(IncomingRabbitMQMetadata::getHeaders).orElse(Map.of());
        OutgoingRabbitMQMetadata.Builder metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(sourceQueue)
                .withHeaders(DeadLetterHeaders.of(original, sourceQueue, problem))
                .withDeliveryMode(2)
                .withContentType(incoming.flatMap(IncomingRabbitMQMetadata::getContentType).orElse("application/octet-stream"));
        incoming.flatMap(IncomingRabbitMQMetadata::getMessageId).ifPresent(metadata::withMessageId);
        byte[] body = source.getPayload() == null ? new byte[0] : source.getPayload();
        emitter.sendMessage(Message.of(body, Metadata.of(metadata.build()))).await().atMost(CONFIRM_TIMEOUT);
    }
}
