package dev.tenantfleet.service.release;

import dev.tenantfleet.messaging.IncomingCloudEvents;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.error.MessageErrorCode;
import dev.tenantfleet.model.migration.MigrateRelease;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.service.messaging.Channels;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads migrate-release commands from deploy jobs and starts the release (idempotent on the release id). A refused
 * release is recorded and announced (the deploy job learns why from the completed event); the command is acked
 * either way. Unreadable commands go to the DLQ with the reason headers ({@link IncomingCloudEvents}).
 */
@ApplicationScoped
public class ReleaseCommandConsumer {
    private static final Logger LOG = Logger.getLogger(ReleaseCommandConsumer.class);

    private final CloudEventCodec<MigrationCommand> codec = MigrationCommand.codec();
    private final ReleaseService releases;
    private final ReleaseOrchestrator orchestrator;
    private final IncomingCloudEvents incoming;

    ReleaseCommandConsumer(ReleaseService releases, ReleaseOrchestrator orchestrator, IncomingCloudEvents incoming) {
        this.releases = releases;
        this.orchestrator = orchestrator;
        this.incoming = incoming;
    }

    @Incoming(Channels.RELEASE_COMMANDS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return incoming.consume(Channels.RELEASE_COMMANDS_IN, message, codec, event -> {
            MigrateRelease command = migrateRelease(event);
            try (TenantLogContext log = TenantLogContext.release(command.releaseId())) {
                return start(message, command);
            }
        });
    }

    private MigrateRelease migrateRelease(CloudEvent<MigrationCommand> event) {
        if (event.data() instanceof MigrateRelease command) {
            return command;
        }
        throw new MessageFormatException(
                MessageErrorCode.UNKNOWN_TYPE,
                "only migrate-release commands belong on " + incoming.queueOf(Channels.RELEASE_COMMANDS_IN) + ", got "
                        + event.type());
    }

    private CompletionStage<Void> start(Message<byte[]> message, MigrateRelease command) {
        try {
            releases.start(command.releaseId(), command.spec(), command.requestedBy());
            orchestrator.advance(command.releaseId());
            return message.ack();
        } catch (RuntimeException e) {
            if (ControlDatabaseOutage.causes(e)) {
                LOG.warnf(
                        "Release command %s not applied, the control database is unreachable (%s): requeueing",
                        command.releaseId(), e.getMessage());
                return IncomingCloudEvents.requeue(message, e);
            }
            // Anything else would fail again on every redelivery: refuse the release with the reason, so the deploy
            // job waiting on it exits at once instead of waiting for a command stuck in a loop or a DLQ.
            LOG.errorf(e, "Release command %s cannot be processed: refusing the release", command.releaseId());
            try {
                releases.refuse(
                        command.releaseId(),
                        command.spec(),
                        command.requestedBy(),
                        "tenant-service could not process the release: " + e);
                return message.ack();
            } catch (RuntimeException refuseFailed) {
                return IncomingCloudEvents.requeue(message, refuseFailed);
            }
        }
    }
}
