package dev.tenantfleet.identity.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.identity.cache.IdentityCaches;
import dev.tenantfleet.identity.cache.TenantUserView;
import dev.tenantfleet.identity.cache.support.LocalRedis;
import dev.tenantfleet.identity.config.Channels;
import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.Meters;
import dev.tenantfleet.identity.support.TestBroker;
import dev.tenantfleet.identity.support.TestCaches;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.identity.MembershipAdded;
import dev.tenantfleet.model.identity.PolicyUpdated;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A burst published back to back, so deliveries pile up and are taken in batches whose Redis work is pipelined: every
 * delivery is settled once, and each entity ends at its newest version however the burst was shuffled and duplicated.
 */
@QuarkusTest
@WithTestResource(IdentityTestEnvironment.class)
class BurstDeliveryTest {
    private static final int VERSIONS = 10;

    @ConfigProperty(name = "identity.cache.prefix")
    String prefix;

    @Inject
    MeterRegistry registry;

    private TestBroker broker;
    private TestCaches testCaches;
    private IdentityCaches caches;

    @BeforeEach
    void setUp() throws Exception {
        broker = new TestBroker();
        testCaches = new TestCaches(LocalRedis.HOST, LocalRedis.PORT, prefix);
        caches = testCaches.caches();
    }

    @AfterEach
    void tearDown() throws Exception {
        testCaches.close();
        broker.close();
    }

    @Test
    void shouldSettleEveryDeliveryOnceAndLeaveEachEntityAtItsNewestVersionAfterAShuffledBurstWithDuplicates()
            throws Exception {
        UUID tenant = UUID.randomUUID();
        List<UUID> users = new ArrayList<>();
        List<CloudEvent<IdentityEvent>> burst = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            UUID user = UUID.randomUUID();
            users.add(user);
            for (int version = 1; version <= VERSIONS; version++) {
                burst.add(envelope(new MembershipAdded(tenant, user, version, List.of("sales"))));
            }
        }
        UUID policy = UUID.randomUUID();
        for (int version = 1; version <= VERSIONS; version++) {
            burst.add(envelope(new PolicyUpdated(tenant, policy, version)));
        }
        burst.addAll(new ArrayList<>(burst.subList(0, burst.size() / 2))); // half of them delivered twice
        Collections.shuffle(burst, new Random(tenant.getMostSignificantBits()));
        TenantUserView untouched = new TenantUserView(UUID.randomUUID(), List.of("viewer"), "active");
        caches.tenantUser(tenant, untouched.id(), () -> untouched);
        double settledBefore = settled();

        broker.publishBurst(burst);

        await().atMost(Duration.ofSeconds(30)).until(() -> settled() - settledBefore >= burst.size());
        assertThat(settled() - settledBefore).as("each delivery counted once").isEqualTo(burst.size());
        for (UUID user : users) {
            assertThat(caches.versions().lastApplied("membership:" + tenant + ":" + user))
                    .isEqualTo(OptionalLong.of(VERSIONS));
        }
        assertThat(caches.versions().lastApplied(new PolicyUpdated(tenant, policy, 1).entity())).isEqualTo(OptionalLong.of(VERSIONS));
        assertThat(caches.tenantUser(tenant, untouched.id())).as("nobody else's entry").contains(untouched);
        assertThat(Meters.count(registry, "identity.events.requeued", "channel", Channels.IDENTITY_EVENTS)).isZero();
    }

    private static CloudEvent<IdentityEvent> envelope(IdentityEvent event) {
        return CloudEvent.of("/burst", event.type(), event.entity(), event);
    }

    private double settled() {
        double sum = 0;
        for (String type : List.of("membership.added", "policy.updated")) {
            sum += Meters.count(registry, "identity.events.applied", "type", type)
                    + Meters.count(registry, "identity.events.ignored.stale", "type", type);
        }
        return sum;
    }
}
