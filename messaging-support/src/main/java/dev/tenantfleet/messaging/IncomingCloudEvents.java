package dev.tenantfleet.messaging;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.error.ErrorCode;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The skeleton of every durable CloudEvents consumer, so that an {@code @Incoming} method is read, delegate, settle:
 * <ul>
 * <li>the body is decoded strictly with the channel's {@link CloudEventCodec};</li>
 * <li>unreadable (or, when the handler throws {@link MessageFormatException}, readable but not meant for this queue):
 * dead-lettered through {@link DeadLetters} with the reason headers, then acked; requeued if the dead letter is not
 * confirmed;</li>
 * <li>otherwise the handler settles the message itself (ack, or {@link #requeue}); a handler that throws instead is a
 * bug, and its message goes back to the queue rather than being lost.</li>
 * </ul>
 * The source queue of a dead letter is the channel's configured {@code queue.name}.
 */
@ApplicationScoped
public class IncomingCloudEvents {
    private static final Logger LOG = Logger.getLogger(IncomingCloudEvents.class);
    private static final Metadata REQUEUE = Metadata.of(new RabbitMQRejectMetadata(true));

    private final DeadLetters deadLetters;
    private final Config config;
    private final Map<String, String> queues = new ConcurrentHashMap<>();

    IncomingCloudEvents(DeadLetters deadLetters, Config config) {
        this.deadLetters = deadLetters;
        this.config = config;
    }

    /** Decodes {@code message} from {@code channel} and hands it to {@code handler}, which acks or nacks it. */
    public <T> CompletionStage<Void> consume(
            String channel,
            Message<byte[]> message,
            CloudEventCodec<T> codec,
            Function<CloudEvent<T>, CompletionStage<Void>> handler) {
        CloudEvent<T> event;
        try {
            event = decode(message, codec);
        } catch (MessageFormatException e) {
            return deadLetters.deadLetter(message, queueOf(channel), e);
        }
        try {
            return handler.apply(event);
        } catch (MessageFormatException e) {
            return deadLetters.deadLetter(message, queueOf(channel), e);
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Message %s (%s) from %s was not settled by its handler; it goes back to the queue",
                    event.id(),
                    event.type(),
                    queueOf(channel));
            return requeue(message, e);
        }
    }

    /** Dead-letters {@code message} from {@code channel}, readable but never applicable (see {@link DeadLetters}). */
    public CompletionStage<Void> deadLetter(String channel, Message<byte[]> message, ErrorCode code, String reason) {
        return deadLetters.deadLetter(message, queueOf(channel), code, reason);
    }

    /** Dead-letters {@code message} from {@code channel}, unreadable (see {@link DeadLetters}). */
    public CompletionStage<Void> deadLetter(String channel, Message<byte[]> message, MessageFormatException problem) {
        return deadLetters.deadLetter(message, queueOf(channel), problem);
    }

    /** The queue an incoming channel consumes ({@code mp.messaging.incoming.<channel>.queue.name}). */
    public String queueOf(String channel) {
        return queues.computeIfAbsent(
                channel, name -> config.getValue("mp.messaging.incoming." + name + ".queue.name", String.class));
    }

    /** The CloudEvent in {@code message}'s body (an absent body is an empty one), strictly. */
    public static <T> CloudEvent<T> decode(Message<byte[]> message, CloudEventCodec<T> codec) {
        return codec.decode(body(message));
    }

    /** Rejects {@code message} with requeue: it is delivered again, to this consumer or another. */
    public static CompletionStage<Void> requeue(Message<?> message, Throwable failure) {
        return message.nack(failure, REQUEUE);
    }

    static byte[] body(Message<byte[]> message) {
        return message.getPayload() == null ? new byte[0] : message.getPayload();
    }
}
