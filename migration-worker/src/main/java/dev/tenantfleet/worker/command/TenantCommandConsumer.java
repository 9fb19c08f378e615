package dev.tenantfleet.worker.command;

import dev.tenantfleet.messaging.IncomingCloudEvents;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.error.MessageErrorCode;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.worker.config.Channels;
import dev.tenantfleet.worker.metrics.WorkerMetrics;
import dev.tenantfleet.worker.migrate.MigrateTenantHandler;
import dev.tenantfleet.worker.rollback.RollbackTenantHandler;
import dev.tenantfleet.worker.tenantdb.failure.WorkInterruptedException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes per-tenant commands (migrate-tenant, rollback-tenant). Thin on purpose: decode, hand to the command type's
 * handler, publish, then ack or nack explicitly; decoding and dead-lettering are {@link IncomingCloudEvents}'.
 * <ul>
 * <li>unreadable message, or a command that is not per-tenant: dead-lettered with the reason headers, then acked</li>
 * <li>result published and confirmed: acked</li>
 * <li>anything that prevents publishing (broker trouble, shutdown): nacked with requeue, so nothing is lost;
 * the queue's {@code x-delivery-limit} dead-letters a command that keeps coming back</li>
 * </ul>
 * Runs on the {@value Channels#MIGRATION_WORKER_POOL} worker pool, unordered, so several tenants are worked on at once.
 * While a command is handled, its release id and tenant slug are in the MDC of every log line.
 */
@ApplicationScoped
public class TenantCommandConsumer {
    private static final Logger LOG = Logger.getLogger(TenantCommandConsumer.class);

    private final CloudEventCodec<MigrationCommand> codec = MigrationCommand.codec();
    private final MigrateTenantHandler migrations;
    private final RollbackTenantHandler rollbacks;
    private final ResultPublisher results;
    private final IncomingCloudEvents incoming;
    private final WorkerMetrics metrics;

    public TenantCommandConsumer(
            MigrateTenantHandler migrations,
            RollbackTenantHandler rollbacks,
            ResultPublisher results,
            IncomingCloudEvents incoming,
            WorkerMetrics metrics) {
        this.migrations = migrations;
        this.rollbacks = rollbacks;
        this.results = results;
        this.incoming = incoming;
        this.metrics = metrics;
    }

    @Incoming(Channels.TENANT_COMMANDS)
    @Blocking(value = Channels.MIGRATION_WORKER_POOL, ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return incoming.consume(Channels.TENANT_COMMANDS, message, codec, event -> {
            try (TenantLogContext log = logContextOf(event)) {
                return handle(message, event);
            }
        });
    }

    private CompletionStage<Void> handle(Message<byte[]> message, CloudEvent<MigrationCommand> event) {
        if (!(event.data() instanceof MigrateTenant) && !(event.data() instanceof RollbackTenant)) {
            // migrate-release belongs to tenant-service; here it can only be a mis-bound queue or publisher.
            throw new MessageFormatException(
                    MessageErrorCode.UNKNOWN_TYPE,
                    "'" + event.type()
                            + "' is not a per-tenant command; migration workers only run " + MigrateTenant.TYPE
                            + " and "
                            + RollbackTenant.TYPE);
        }
        try {
            MigrationResult result = event.data() instanceof MigrateTenant migrate
                    ? migrations.handle(migrate)
                    : rollbacks.handle((RollbackTenant) event.data());
            results.publish(result.withDeliveryAttempt(DeliveryAttempt.of(message)));
            metrics.record(result); // after the publish: a command redelivered because its result was lost counts once
            return message.ack();
        } catch (WorkInterruptedException e) {
            return IncomingCloudEvents.requeue(message, e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Command %s (%s) could not be answered; it goes back to the queue", event.id(), event.type());
            return IncomingCloudEvents.requeue(message, e);
        }
    }

    private static TenantLogContext logContextOf(CloudEvent<MigrationCommand> event) {
        if (event.data() instanceof MigrateTenant migrate) {
            return TenantLogContext.of(migrate.releaseId(), migrate.slug());
        }
        if (event.data() instanceof RollbackTenant rollback) {
            return TenantLogContext.of(rollback.releaseId(), rollback.slug());
        }
        return TenantLogContext.of(null, null);
    }
}
