package dev.tenantfleet.identity.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tenantfleet.identity.cache.support.LocalRedis;
import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.TestCaches;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.Queues;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.tenant.TenantEvent;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * identity-consumer's two consumers come back by themselves after the broker loses their vhost and after their
 * connections are cut, readiness says UP again, and events published afterwards (or while they were away) are consumed
 * and handled: a tenant status reaches the Redis mirror, an unreadable identity event its DLQ.
 */
@QuarkusTest
@WithTestResource(IdentityTestEnvironment.class)
@WithTestResource(OwnVhost.class)
class BrokerRecoveryTest {
    private static final Logger LOG = Logger.getLogger(BrokerRecoveryTest.class);
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private final String vhost = ConfigProvider.getConfig().getValue("rabbitmq-virtual-host", String.class);
    private final String prefix = ConfigProvider.getConfig().getValue("identity.cache.prefix", String.class);
    private TestCaches caches;

    @BeforeEach
    void consumerIsConsuming() {
        caches = new TestCaches(LocalRedis.HOST, LocalRedis.PORT, prefix);
        awaitConsumingAndReady();
    }

    @AfterEach
    void closeCaches() {
        caches.close();
    }

    @Test
    void shouldConsumeAgainAfterBrokerLosesVhost() {
        TestVhosts.recreate(vhost);
        long recreated = System.nanoTime();

        awaitConsumingAndReady();
        LOG.infof(
                "identity-consumer consuming and ready again %d ms after its vhost was re-created",
                (System.nanoTime() - recreated) / 1_000_000);
        assertMirrored(publishSuspended());
        assertDeadLettered(publishUnreadableIdentityEvent());
    }

    @Test
    void shouldConsumeAgainAfterItsConnectionsAreCut() {
        assertThat(TestVhosts.closeConnections(vhost)).isPositive();
        long cut = System.nanoTime();
        UUID publishedWhileAway = publishSuspended();

        awaitConsumingAndReady();
        LOG.infof(
                "identity-consumer consuming and ready again %d ms after its connections were cut",
                (System.nanoTime() - cut) / 1_000_000);
        assertMirrored(publishedWhileAway);
        assertDeadLettered(publishUnreadableIdentityEvent());
    }

    private void awaitConsumingAndReady() {
        await("identity-consumer consuming in " + vhost)
                .atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(TestVhosts.consumers(vhost))
                            .containsEntry(Queues.IDENTITY_CONSUMER_ALL, 1)
                            .containsEntry(Queues.IDENTITY_CONSUMER_TENANT_STATUS, 1);
                    given().get("/api/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                });
    }

    /** A tenant suspended on tenant.events; once consumed, its status is in the Redis mirror. */
    private static UUID publishSuspended() {
        UUID tenant = UUID.randomUUID();
        TenantStatusChanged data = new TenantStatusChanged(
                tenant,
                "recovery-" + tenant.toString().substring(0, 8),
                TenantStatus.ACTIVE,
                TenantStatus.SUSPENDED,
                "broker-recovery-test",
                null);
        byte[] body = TenantEvent.codec()
                .encode(CloudEvent.of("/tenant-service", TenantStatusChanged.TYPE, data.slug(), data));
        publish(
                Exchanges.TENANT_EVENTS,
                RoutingKeys.tenantEvent(data.shortType(), tenant),
                UUID.randomUUID().toString(),
                new String(body, StandardCharsets.UTF_8));
        return tenant;
    }

    private void assertMirrored(UUID tenant) {
        await("status of " + tenant + " mirrored")
                .atMost(RECOVERY)
                .untilAsserted(() -> assertThat(caches.caches().tenantStatus().get(tenant))
                        .hasValueSatisfying(
                                mirrored -> assertThat(mirrored.status()).isEqualTo(TenantStatus.SUSPENDED)));
    }

    /** An unreadable identity event: once consumed, identity-consumer dead-letters it into its queue's DLQ. */
    private static String publishUnreadableIdentityEvent() {
        String messageId = "recovery-" + UUID.randomUUID();
        publish(Exchanges.IDENTITY_EVENTS, "identity.global.user.updated", messageId, "{not an event");
        return messageId;
    }

    private static void assertDeadLettered(String messageId) {
        try (BrokerProbe broker = BrokerProbe.bind(Exchanges.IDENTITY_EVENTS, "no.such.key")) {
            await("identity event " + messageId + " consumed and dead-lettered")
                    .atMost(RECOVERY)
                    .until(() -> broker.take(Queues.deadLetterQueueOf(Queues.IDENTITY_CONSUMER_ALL), messageId)
                            .isPresent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(String exchange, String routingKey, String messageId, String body) {
        try (BrokerProbe broker = BrokerProbe.bind(exchange, "no.such.key")) {
            broker.publish(exchange, routingKey, messageId, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
