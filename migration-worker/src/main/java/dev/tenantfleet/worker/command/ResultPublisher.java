package dev.tenantfleet.worker.command;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.messaging.MessageHeaders;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.worker.config.Channels;
import dev.tenantfleet.worker.config.WorkerConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Publishes per-tenant results to {@code migration.results} and waits for the broker's confirm. */
@ApplicationScoped
public class ResultPublisher {
    /** CloudEvents {@code source} of everything the worker publishes. */
    public static final String SOURCE = "/migration-worker";

    private static final int PERSISTENT = 2;

    private final MutinyEmitter<byte[]> emitter;
    private final CloudEventCodec<MigrationResult> codec = MigrationResult.codec();
    private final WorkerConfig.Migration config;

    public ResultPublisher(@Channel(Channels.MIGRATION_RESULTS) MutinyEmitter<byte[]> emitter, WorkerConfig config) {
        this.emitter = emitter;
        this.config = config.migration();
    }

    /**
     * Publishes {@code result}, routed {@code result.tenant.<short-type>.<tenant-id>}, and blocks until the broker
     * confirmed it.
     *
     * @return the envelope that was published
     * @throws RuntimeException when the broker did not confirm within the publish timeout
     */
    public CloudEvent<MigrationResult> publish(MigrationResult result) {
        CloudEvent<MigrationResult> event = CloudEvent.of(SOURCE, result);
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(result.routingKey())
                .withContentType(MessageHeaders.CLOUDEVENTS_JSON)
                .withMessageId(event.id())
                .withCorrelationId(result.commandId().toString())
                .withType(result.type())
                .withTimestamp(ZonedDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .withDeliveryMode(PERSISTENT)
                .build();
        emitter.sendMessage(Message.of(codec.encode(event), Metadata.of(metadata)))
                .await()
                .atMost(config.publishTimeout());
        return event;
    }
}
