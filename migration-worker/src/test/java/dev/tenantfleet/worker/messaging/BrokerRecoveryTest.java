package dev.tenantfleet.worker.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.Queues;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.testsupport.BrokerProbe;
import dev.tenantfleet.testsupport.OwnVhost;
import dev.tenantfleet.testsupport.TestVhosts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's command consumer comes back by itself after the broker loses its vhost and after its connections are
 * cut, readiness says UP again, and commands published afterwards (or while it was away) are consumed and handled.
 */
@QuarkusTest
@WithTestResource(OwnVhost.class)
class BrokerRecoveryTest {
    private static final Logger LOG = Logger.getLogger(BrokerRecoveryTest.class);
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final String QUEUE = Queues.MIGRATION_WORKER_COMMANDS;

    private final String vhost = ConfigProvider.getConfig().getValue("rabbitmq-virtual-host", String.class);

    @BeforeEach
    void workerIsConsuming() {
        awaitConsumingAndReady();
    }

    @Test
    void shouldConsumeAgainAfterBrokerLosesVhost() {
        TestVhosts.recreate(vhost);
        long recreated = System.nanoTime();

        awaitConsumingAndReady();
        LOG.infof(
                "migration-worker consuming and ready again %d ms after its vhost was re-created",
                (System.nanoTime() - recreated) / 1_000_000);
        assertHandled(publishUnreadableCommand());
    }

    @Test
    void shouldConsumeAgainAfterItsConnectionsAreCut() {
        assertThat(TestVhosts.closeConnections(vhost)).isPositive();
        long cut = System.nanoTime();
        String publishedWhileAway = publishUnreadableCommand();

        awaitConsumingAndReady();
        LOG.infof(
                "migration-worker consuming and ready again %d ms after its connections were cut",
                (System.nanoTime() - cut) / 1_000_000);
        assertHandled(publishedWhileAway);
        assertHandled(publishUnreadableCommand());
    }

    private void awaitConsumingAndReady() {
        await("migration-worker consuming in " + vhost)
                .atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(TestVhosts.consumers(vhost)).containsEntry(QUEUE, 1);
                    given().get("/api/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                });
    }

    /** An unreadable command: once consumed, the worker dead-letters it into the command queue's DLQ. */
    private static String publishUnreadableCommand() {
        String messageId = "recovery-" + UUID.randomUUID();
        try (BrokerProbe broker = BrokerProbe.bind(Exchanges.MIGRATION_COMMANDS, "no.such.key")) {
            broker.publish(
                    Exchanges.MIGRATION_COMMANDS,
                    RoutingKeys.migrateTenantCommand(UUID.randomUUID()),
                    messageId,
                    "{not a command");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return messageId;
    }

    private static void assertHandled(String messageId) {
        try (BrokerProbe broker = BrokerProbe.bind(Exchanges.MIGRATION_COMMANDS, "no.such.key")) {
            await("command " + messageId + " consumed and dead-lettered by the worker")
                    .atMost(RECOVERY)
                    .until(() -> broker.take(Queues.deadLetterQueueOf(QUEUE), messageId)
                            .isPresent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
