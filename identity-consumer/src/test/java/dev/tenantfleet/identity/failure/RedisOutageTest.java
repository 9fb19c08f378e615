package dev.tenantfleet.identity.failure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.identity.cache.support.RedisServerProcess;
import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.Meters;
import dev.tenantfleet.identity.support.OutageProfile;
import dev.tenantfleet.identity.support.PrivateRedis;
import dev.tenantfleet.identity.support.TestBroker;
import dev.tenantfleet.identity.support.TestCaches;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.identity.UserDeactivated;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis goes down (a private redis-server, taken down with SHUTDOWN NOSAVE; the shared one is never touched) while
 * events arrive: they are retried, go back to the queue (never acked), and every one of them is applied once Redis is
 * back. The restarted server is empty, so every version found afterwards was written after the restart: an event acked
 * while Redis was down would be missing.
 */
@QuarkusTest
@TestProfile(OutageProfile.class)
@WithTestResource(IdentityTestEnvironment.class)
class RedisOutageTest {
    private static final int EVENTS = 20;

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @ConfigProperty(name = "identity.cache.prefix")
    String prefix;

    @Inject
    MeterRegistry registry;

    private RedisServerProcess restarted;

    @AfterEach
    void stopRestartedServer() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void eventsPublishedWhileRedisIsDownWaitAndAreAllAppliedWhenItIsBack() throws Exception {
        int port = Integer.parseInt(redisHosts.substring(redisHosts.lastIndexOf(':') + 1));
        try (TestBroker broker = new TestBroker();
                TestCaches caches = new TestCaches("127.0.0.1", port, prefix)) {
            double base = applied();
            CloudEvent<IdentityEvent> before = broker.publish(new UserDeactivated(UUID.randomUUID(), null, 1));
            awaitApplied(caches, before);
            // the counter moves just after the effect: wait for it too, or the baseline below is off by one
            await().atMost(Duration.ofSeconds(10)).until(() -> applied() >= base + 1);
            double applied = applied();
            double requeued = Meters.count(registry, "identity.events.requeued", "channel", "identity-events");

            PrivateRedis.shutdown(port);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> given().get("/api/health/ready").statusCode() == 503);
            List<CloudEvent<IdentityEvent>> during = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                during.add(broker.publish(new UserDeactivated(UUID.randomUUID(), null, 1)));
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Meters.count(registry, "identity.events.requeued", "channel", "identity-events")
                            >= requeued + EVENTS);
            assertThat(applied())
                    .as("nothing applied, so nothing acked, while Redis is down")
                    .isEqualTo(applied);

            restarted = RedisServerProcess.startOn(port);

            await().atMost(Duration.ofSeconds(40))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(during)
                            .allSatisfy(event -> assertThat(caches.caches()
                                            .versions()
                                            .lastApplied(event.data().entity()))
                                    .isEqualTo(OptionalLong.of(1))));
            assertThat(applied()).isEqualTo(applied + EVENTS);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> given().get("/api/health/ready").statusCode() == 200);
        }
    }

    private double applied() {
        return Meters.count(registry, "identity.events.applied", "type", "user.deactivated");
    }

    private static void awaitApplied(TestCaches caches, CloudEvent<IdentityEvent> event) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> caches.caches()
                        .versions()
                        .lastApplied(event.data().entity())
                        .equals(OptionalLong.of(event.data().version())));
    }
}
