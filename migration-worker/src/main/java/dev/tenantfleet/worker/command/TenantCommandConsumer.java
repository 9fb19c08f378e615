package dev.tenantfleet.worker.command;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.error.MessageErrorCode;
import dev.tenantfleet.model.messaging.Queues;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.worker.config.Channels;
import dev.tenantfleet.worker.deadletter.DeadLetterPublisher;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.worker.metrics.WorkerMetrics;
import dev.tenantfleet.worker.migrate.MigrateTenantHandler;
import dev.tenantfleet.worker.rollback.RollbackTenantHandler;
import dev.tenantfleet.worker.tenantdb.failure.WorkInterruptedException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes per-tenant commands (migrate-tenant, rollback-tenant). Thin on purpose: decode, hand to the command type's
 * handler, publish, then ack or nack explicitly.
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
    private static final Metadata REQUEUE = Metadata.of(new RabbitMQRejectMetadata(true));

    private final CloudEventCodec<MigrationCommand> codec = MigrationCommand.codec();
    private final MigrateTenantHandler migrations;
    private final RollbackTenantHandler rollbacks;
    private final ResultPublisher results;
    private final DeadLetterPublisher deadLetters;
    private final WorkerMetrics metrics;
    private final String queue;

    public TenantCommandConsumer(MigrateTenantHandler migrations, RollbackTenantHandler rollbacks, ResultPublisher results,
            DeadLetterPublisher deadLetters, WorkerMetrics metrics,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.TENANT_COMMANDS + ".queue.name",
                    defaultValue = Queues.MIGRATION_WORKER_COMMANDS) String queue) {
        this.migrations = migrations;
        this.rollbacks = rollbacks;
        this.results = results;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.queue = queue;
    }

    @Incoming(Channels.TENANT_COMMANDS)
    @Blocking(value = Channels.MIGRATION_WORKER_POOL, ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        CloudEvent<MigrationCommand> event;
        try {
            event = codec.decode(message.getPayload() == null ? new byte[0] : message.getPayload());
        } catch (MessageFormatException e) {
            return deadLetter(message, e);
        }
        try (TenantLogContext log = logContextOf(event)) {
            return handle(message, event);
        }
    }

    private CompletionStage<Void> handle(Message<byte[]> message, CloudEvent<MigrationCommand> event) {
        try {
            MigrationResult result;
            if (event.data() instanceof MigrateTenant migrate) {
                result = migrations.handle(migrate);
            } else if (event.data() instanceof RollbackTenant rollback) {
                result = rollbacks.handle(rollback);
            } else {
                // migrate-release belongs to tenant-service; here it can only be a mis-bound queue or publisher.
                return deadLetter(message, new MessageFormatException(MessageErrorCode.UNKNOWN_TYPE,
                        "'" + event.type() + "' is not a per-tenant command; migration workers only run "
                                + MigrateTenant.TYPE + " and " + RollbackTenant.TYPE));
            }
            results.publish(result.withDeliveryAttempt(DeliveryAttempt.of(message)));
            metrics.record(result); // after the publish: a command redelivered because its result was lost counts once
            return message.ack();
        } catch (WorkInterruptedException e) {
            return message.nack(e, REQUEUE);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Command %s (%s) could not be answered; it goes back to the queue", event.id(), event.type());
            return message.nack(e, REQUEUE);
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

    private CompletionStage<Void> deadLetter(Message<byte[]> message, MessageFormatException problem) {
        try {
            deadLetters.publish(message, queue, problem);
            LOG.warnf("Dead-lettered an unreadable message from %s: %s (%s)", queue, problem.code(), problem.getMessage());
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf(e, "An unreadable message from %s could not be dead-lettered; it goes back to the queue", queue);
            return message.nack(e, REQUEUE);
        }
    }
}
