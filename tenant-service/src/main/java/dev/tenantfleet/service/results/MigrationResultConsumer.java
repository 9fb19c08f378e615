package dev.tenantfleet.service.results;

import dev.tenantfleet.messaging.IncomingCloudEvents;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.service.messaging.Channels;
import dev.tenantfleet.service.provisioning.Provisioner;
import dev.tenantfleet.service.provisioning.ProvisioningResultHandler;
import dev.tenantfleet.service.release.ReleaseOrchestrator;
import dev.tenantfleet.service.release.ReleaseResultHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads per-tenant migration results and hands them to provisioning or to the release they belong to. Acks after
 * the handler's transaction committed; unreadable messages go to the DLQ with the reason headers, then are acked
 * ({@link IncomingCloudEvents});
 * any other failure is rejected with requeue so the result is not lost.
 */
@ApplicationScoped
public class MigrationResultConsumer {
    private static final Logger LOG = Logger.getLogger(MigrationResultConsumer.class);

    private final CloudEventCodec<MigrationResult> codec = MigrationResult.codec();
    private final ProvisioningResultHandler provisioningResults;
    private final Provisioner provisioner;
    private final ReleaseResultHandler releaseResults;
    private final ReleaseOrchestrator orchestrator;
    private final IncomingCloudEvents incoming;

    MigrationResultConsumer(
            ProvisioningResultHandler provisioningResults,
            Provisioner provisioner,
            ReleaseResultHandler releaseResults,
            ReleaseOrchestrator orchestrator,
            IncomingCloudEvents incoming) {
        this.provisioningResults = provisioningResults;
        this.provisioner = provisioner;
        this.releaseResults = releaseResults;
        this.orchestrator = orchestrator;
        this.incoming = incoming;
    }

    @Incoming(Channels.MIGRATION_RESULTS_IN)
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return incoming.consume(Channels.MIGRATION_RESULTS_IN, message, codec, event -> {
            MigrationResult result = event.data();
            try (TenantLogContext log = TenantLogContext.of(result.releaseId(), result.slug())) {
                return apply(message, event, result);
            }
        });
    }

    private CompletionStage<Void> apply(
            Message<byte[]> message, CloudEvent<MigrationResult> event, MigrationResult result) {
        try {
            if (result.purpose() == MigrationPurpose.PROVISIONING) {
                if (provisioningResults.apply(event.id(), result)) {
                    provisioner.resume(result.tenantId());
                }
            } else {
                UUID moved = releaseResults.apply(event.id(), result);
                if (moved != null) {
                    orchestrator.advance(moved);
                }
            }
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Migration result %s for tenant %s not applied, requeueing", event.id(), result.slug());
            return IncomingCloudEvents.requeue(message, e);
        }
    }
}
