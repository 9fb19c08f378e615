package dev.tenantfleet.service.messaging;

import static dev.tenantfleet.service.support.Api.authenticated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.Queues;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateRelease;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.release.ReleaseSpec;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.testsupport.BrokerProbe;
import dev.tenantfleet.testsupport.OwnVhost;
import dev.tenantfleet.testsupport.TestVhosts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tenant-service's consumers come back by themselves after the broker loses their vhost (a broker restarted without its
 * definitions, a vhost deleted and re-created) and after their connections are cut, and readiness says UP again: no
 * restart of the service. Runs in a throw-away vhost of its own, which it deletes and re-creates.
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
@WithTestResource(OwnVhost.class)
class BrokerRecoveryTest {
    private static final Logger LOG = Logger.getLogger(BrokerRecoveryTest.class);
    /** Upper bound for a recovery; the connector retries every reconnect-interval (docs/operations.md). */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private final String vhost = ConfigProvider.getConfig().getValue("rabbitmq-virtual-host", String.class);

    @BeforeEach
    void serviceIsConsuming() {
        awaitConsumingAndReady();
    }

    @Test
    void shouldConsumeAgainAfterBrokerLosesVhost() {
        TestVhosts.recreate(vhost);
        long recreated = System.nanoTime();

        awaitConsumingAndReady();
        LOG.infof(
                "tenant-service consuming and ready again %d ms after its vhost was re-created",
                (System.nanoTime() - recreated) / 1_000_000);
        assertHandlesReleaseCommandsAndResults();
    }

    @Test
    void shouldConsumeAgainAfterItsConnectionsAreCut() {
        assertThat(TestVhosts.closeConnections(vhost)).isPositive();
        long cut = System.nanoTime();
        // Published while tenant-service has no consumer: it waits in the durable queue and is taken after recovery.
        UUID waiting = publishRefusedReleaseCommand();

        awaitConsumingAndReady();
        LOG.infof(
                "tenant-service consuming and ready again %d ms after its connections were cut",
                (System.nanoTime() - cut) / 1_000_000);
        awaitRefused(waiting);
        assertHandlesReleaseCommandsAndResults();
    }

    private void awaitConsumingAndReady() {
        await("tenant-service consuming again in " + vhost)
                .atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(TestVhosts.consumers(vhost))
                            .containsEntry(Queues.TENANT_SERVICE_MIGRATION_RESULTS, 1)
                            .containsEntry(Queues.TENANT_SERVICE_RELEASE_COMMANDS, 1);
                    given().get("/api/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                });
    }

    /** Both queues are consumed and handled: a release command starts (and refuses) a release, a result is read. */
    private void assertHandlesReleaseCommandsAndResults() {
        awaitRefused(publishRefusedReleaseCommand());

        String messageId = UUID.randomUUID().toString();
        String dlq = Queues.deadLetterQueueOf(Queues.TENANT_SERVICE_MIGRATION_RESULTS);
        try (BrokerProbe broker = BrokerProbe.bind(Exchanges.MIGRATION_RESULTS, "no.such.key")) {
            broker.publish(
                    Exchanges.MIGRATION_RESULTS,
                    RoutingKeys.tenantResult("migrated", UUID.randomUUID()),
                    messageId,
                    "{not a result");
            await("unreadable result dead-lettered by tenant-service")
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> broker.take(dlq, messageId).isPresent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a migrate-release for a tag the changelog lacks: once consumed, the release is recorded as REFUSED. */
    private static UUID publishRefusedReleaseCommand() {
        UUID releaseId = UUID.randomUUID();
        MigrateRelease command = new MigrateRelease(
                UUID.randomUUID(),
                releaseId,
                new ReleaseSpec(
                        "v9.9-recovery", null, null, null, null, null, null, null, null, null, null, null, null),
                "broker-recovery-test");
        byte[] body = MigrationCommand.codec().encode(CloudEvent.of("/tenantctl", MigrateRelease.TYPE, null, command));
        try (BrokerProbe broker = BrokerProbe.bind(Exchanges.MIGRATION_COMMANDS, "no.such.key")) {
            broker.publish(
                    Exchanges.MIGRATION_COMMANDS,
                    RoutingKeys.MIGRATE_RELEASE_COMMAND,
                    command.commandId().toString(),
                    new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return releaseId;
    }

    private static void awaitRefused(UUID releaseId) {
        await("release command " + releaseId + " consumed")
                .atMost(RECOVERY)
                .untilAsserted(() -> authenticated()
                        .get("/api/releases/" + releaseId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("REFUSED")));
    }
}
