package dev.tenantfleet.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.identity.cache.support.LocalRedis;
import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.PerTenantProfile;
import dev.tenantfleet.identity.support.TestBroker;
import dev.tenantfleet.identity.support.TestCaches;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.identity.PolicyUpdated;
import dev.tenantfleet.model.identity.UserUpdated;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TENANT_ID set: the consumer's queues are that tenant's, bound for its events and the global ones only. The test
 * exchange has no other queue, so an event of another tenant published as mandatory comes back unroutable: it is not
 * merely ignored, it never reaches this consumer.
 */
@QuarkusTest
@TestProfile(PerTenantProfile.class)
@WithTestResource(IdentityTestEnvironment.class)
class PerTenantBindingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "identity.tenant-id")
    String tenantId;

    @ConfigProperty(name = "identity.cache.prefix")
    String prefix;

    private TestBroker broker;
    private TestCaches caches;

    private static String tenantOfThisRun;

    @BeforeEach
    void setUp() throws Exception {
        tenantOfThisRun = tenantId;
        broker = new TestBroker();
        caches = new TestCaches(LocalRedis.HOST, LocalRedis.PORT, prefix);
    }

    @AfterEach
    void tearDown() throws Exception {
        caches.close();
        broker.close();
    }

    @Test
    void theQueuesAreNamedAfterTheTenant() throws Exception {
        assertThat(broker.queueExists(TestBroker.QUEUE_PREFIX + "." + tenantId)).isTrue();
        assertThat(broker.queueExists(TestBroker.QUEUE_PREFIX + "." + tenantId + ".tenant-status"))
                .isTrue();
        assertThat(broker.queueExists(TestBroker.IDENTITY_QUEUE))
                .as("no fleet-wide queue")
                .isFalse();
    }

    @Test
    void itReceivesItsTenantsAndTheGlobalEventsButNotAnotherTenants() throws Exception {
        UUID tenant = UUID.fromString(tenantId);
        PolicyUpdated other = new PolicyUpdated(UUID.randomUUID(), UUID.randomUUID(), 1);

        assertThat(broker.publishMandatory(other))
                .as("another tenant's event is routed to no queue")
                .isFalse();

        CloudEvent<IdentityEvent> own = broker.publish(new PolicyUpdated(tenant, UUID.randomUUID(), 1));
        CloudEvent<IdentityEvent> global = broker.publish(new UserUpdated(UUID.randomUUID(), null, 1));
        awaitApplied(own);
        awaitApplied(global);
        assertThat(caches.caches().versions().lastApplied(other.entity())).isEmpty();
    }

    @Test
    void itMirrorsItsTenantsStatusOnly() throws Exception {
        UUID tenant = UUID.fromString(tenantId);
        broker.publishTenantEvent(
                new TenantStatusChanged(tenant, "acme", TenantStatus.ACTIVE, TenantStatus.SUSPENDED, "ops", null),
                Instant.now());

        await().atMost(WAIT)
                .until(() -> caches.caches().tenantStatus().get(tenant).isPresent());
        assertThat(caches.caches().tenantStatus().get(tenant).orElseThrow().status())
                .isEqualTo(TenantStatus.SUSPENDED);
    }

    @AfterAll
    static void deleteTheTenantsDeadLetterQueues() throws Exception {
        // named after a random tenant: deleted now rather than left to expire (they are empty)
        try (TestBroker broker = new TestBroker()) {
            broker.deleteQueueIfEmpty(TestBroker.QUEUE_PREFIX + "." + tenantOfThisRun + ".dlq");
            broker.deleteQueueIfEmpty(TestBroker.QUEUE_PREFIX + "." + tenantOfThisRun + ".tenant-status.dlq");
        }
    }

    private void awaitApplied(CloudEvent<IdentityEvent> event) {
        await().atMost(WAIT)
                .until(() -> caches.caches()
                        .versions()
                        .lastApplied(event.data().entity())
                        .equals(OptionalLong.of(event.data().version())));
    }
}
