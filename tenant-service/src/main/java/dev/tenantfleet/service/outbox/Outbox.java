package dev.tenantfleet.service.outbox;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.model.tenant.TenantEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Adds messages to the outbox inside the caller's transaction: the message commits with the state
 * change it announces or not at all. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {
    /** CloudEvents source of everything tenant-service publishes. */
    public static final String SOURCE = "/tenant-service";

    private final CloudEventCodec<TenantEvent> tenantEvents = TenantEvent.codec();
    private final CloudEventCodec<MigrationCommand> commands = MigrationCommand.codec();
    private final CloudEventCodec<ReleaseEvent> releaseEvents = ReleaseEvent.codec();
    private final Event<OutboxWritten> written;

    Outbox(Event<OutboxWritten> written) {
        this.written = written;
    }

    /** Queues a tenant event for {@code tenant.events}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(TenantEvent event) {
        CloudEvent<TenantEvent> envelope = CloudEvent.of(SOURCE, event.type(), event.slug(), event);
        store(envelope.id(), Exchanges.TENANT_EVENTS, RoutingKeys.tenantEvent(event.shortType(), event.tenantId()),
                event.type(), tenantEvents.encode(envelope));
    }

    /** Queues a migrate-tenant command for {@code migration.commands}; the envelope id is the command id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(MigrateTenant command) {
        CloudEvent<MigrationCommand> envelope = new CloudEvent<>(command.commandId().toString(),
                java.net.URI.create(SOURCE), command.type(), Instant.now(), command.slug(), command);
        store(envelope.id(), Exchanges.MIGRATION_COMMANDS, RoutingKeys.migrateTenantCommand(command.tenantId()),
                command.type(), commands.encode(envelope));
    }

    /** Queues a rollback-tenant command for {@code migration.commands}; the envelope id is the command id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(RollbackTenant command) {
        CloudEvent<MigrationCommand> envelope = new CloudEvent<>(command.commandId().toString(),
                java.net.URI.create(SOURCE), command.type(), Instant.now(), command.slug(), command);
        store(envelope.id(), Exchanges.MIGRATION_COMMANDS, RoutingKeys.rollbackTenantCommand(command.tenantId()),
                command.type(), commands.encode(envelope));
    }

    /** Queues a release event for {@code migration.results}, routed {@code release.<id>.<kind>}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(ReleaseEvent event) {
        CloudEvent<ReleaseEvent> envelope = CloudEvent.of(SOURCE, event.type(), event.releaseId().toString(), event);
        store(envelope.id(), Exchanges.MIGRATION_RESULTS, RoutingKeys.releaseEvent(event.releaseId(), event.routingSuffix()),
                event.type(), releaseEvents.encode(envelope));
    }

    private void store(String messageId, String exchange, String routingKey, String type, byte[] body) {
        OutboxMessage message = new OutboxMessage();
        message.messageId = messageId;
        message.exchange = exchange;
        message.routingKey = routingKey;
        message.type = type;
        message.payload = new String(body, StandardCharsets.UTF_8);
        message.createdAt = Instant.now();
        message.persist();
        written.fire(new OutboxWritten());
    }
}
