package dev.tenantfleet.worker.deadletter;

import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.messaging.MessageHeaders;
import dev.tenantfleet.worker.config.Channels;
import dev.tenantfleet.worker.config.WorkerConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends a message the worker cannot read to the dead-letter exchange, routed by the queue it came from (so it lands in
 * that queue's DLQ), with the reason, the error code and the source queue as headers. The body is kept as received.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    /** Longest reason header; the worker log has the whole story. */
    static final int MAX_REASON_LENGTH = 1000;
    private static final int PERSISTENT = 2;

    private final MutinyEmitter<byte[]> emitter;
    private final WorkerConfig.Migration config;

    public DeadLetterPublisher(@Channel(Channels.DEAD_LETTERS) MutinyEmitter<byte[]> emitter, WorkerConfig config) {
        this.emitter = emitter;
        this.config = config.migration();
    }

    /**
     * Dead-letters {@code source} and blocks until the broker confirmed it.
     *
     * @param source      the unreadable message
     * @param sourceQueue the queue it was consumed from (also the routing key)
     * @param problem     why it cannot be read
     * @throws RuntimeException when the broker did not confirm within the publish timeout
     */
    public void publish(Message<byte[]> source, String sourceQueue, MessageFormatException problem) {
        Optional<IncomingRabbitMQMetadata> incoming = source.getMetadata(IncomingRabbitMQMetadata.class);
        Map<String, Object> headers = new HashMap<>();
        incoming.map(IncomingRabbitMQMetadata::getHeaders).ifPresent(headers::putAll);
        headers.put(MessageHeaders.DEAD_LETTER_REASON, truncate(problem.getMessage()));
        headers.put(MessageHeaders.DEAD_LETTER_ERROR_CODE, problem.code().name());
        headers.put(MessageHeaders.DEAD_LETTER_SOURCE_QUEUE, sourceQueue);

        OutgoingRabbitMQMetadata.Builder metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(sourceQueue)
                .withHeaders(headers)
                .withDeliveryMode(PERSISTENT)
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                .withContentType(incoming.flatMap(IncomingRabbitMQMetadata::getContentType)
                        .orElse("application/octet-stream"));
        incoming.flatMap(IncomingRabbitMQMetadata::getMessageId).ifPresent(metadata::withMessageId);
        incoming.flatMap(IncomingRabbitMQMetadata::getCorrelationId).ifPresent(metadata::withCorrelationId);
        byte[] body = source.getPayload() == null ? new byte[0] : source.getPayload();
        emitter.sendMessage(Message.of(body, Metadata.of(metadata.build())))
                .await().atMost(config.publishTimeout());
    }

    private static String truncate(String reason) {
        String text = reason == null ? "unreadable message" : reason;
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
