package dev.tenantfleet.worker.support;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.RollbackTenant;
import dev.tenantfleet.testsupport.TestBrokerClient;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The worker tests' view of the real broker ({@link TestBrokerClient}): publishes per-tenant commands to the test
 * worker's own exchange and receives the results it publishes.
 */
public final class TestBroker extends TestBrokerClient {
    /** The exchange the test worker consumes commands from (its own, see the %test block of application.properties). */
    public static final String COMMANDS_EXCHANGE = "migration.commands.worker-test";
    /** The test worker's own command queue; its DLQ is {@code <queue>.dlq}. */
    public static final String COMMANDS_QUEUE = "migration-worker-test.commands";

    public TestBroker() throws IOException, TimeoutException {
        super("migration-worker-test");
        // Idempotent: the same declarations the worker makes (in case the test binds before the worker declared).
        declareExchange(COMMANDS_EXCHANGE, "topic", true);
        declareExchange(Exchanges.MIGRATION_RESULTS, "topic", false);
        declareExchange(Exchanges.DEAD_LETTERS, "direct", false);
    }

    /** Publishes a per-tenant command (migrate-tenant or rollback-tenant) and waits for the broker's confirm. */
    public CloudEvent<MigrationCommand> publish(MigrationCommand command) throws Exception {
        String slug = command instanceof MigrateTenant m ? m.slug() : ((RollbackTenant) command).slug();
        CloudEvent<MigrationCommand> event = CloudEvent.of("/migration-worker-test", command.type(), slug, command);
        publish(event);
        return event;
    }

    /** Publishes (again) an already built envelope, e.g. to simulate a redelivery. */
    public void publish(CloudEvent<MigrationCommand> event) throws Exception {
        publishRaw(routingKey(event.data()), MigrationCommand.codec().encode(event), event.id());
    }

    /** Publishes any body to the test worker's command exchange and waits for the broker's confirm. */
    public void publishRaw(String routingKey, byte[] body, String messageId) throws Exception {
        publishRaw(COMMANDS_EXCHANGE, routingKey, body, messageId);
    }

    /** Every result the worker publishes for {@code tenantId} ({@code result.tenant.#.<tenantId>}). */
    public Inbox resultsFor(UUID tenantId) throws IOException {
        return inbox(Exchanges.MIGRATION_RESULTS, RoutingKeys.ALL_TENANT_RESULTS + "." + tenantId);
    }

    private static String routingKey(MigrationCommand command) {
        if (command instanceof MigrateTenant migrate) {
            return RoutingKeys.migrateTenantCommand(migrate.tenantId());
        }
        if (command instanceof RollbackTenant rollback) {
            return RoutingKeys.rollbackTenantCommand(rollback.tenantId());
        }
        throw new IllegalArgumentException(command.type() + " is not a per-tenant command");
    }
}
