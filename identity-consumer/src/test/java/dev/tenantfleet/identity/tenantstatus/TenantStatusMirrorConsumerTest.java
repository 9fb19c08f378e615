package dev.tenantfleet.identity.tenantstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.tenantfleet.identity.cache.MirroredStatus;
import dev.tenantfleet.identity.cache.TenantStatusMirror;
import dev.tenantfleet.identity.cache.Writability;
import dev.tenantfleet.identity.cache.support.LocalRedis;
import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.Meters;
import dev.tenantfleet.identity.support.TestBroker;
import dev.tenantfleet.identity.support.TestCaches;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.messaging.MessageHeaders;
import dev.tenantfleet.model.tenant.TenantAdopted;
import dev.tenantfleet.model.tenant.TenantDeactivated;
import dev.tenantfleet.model.tenant.TenantEvent;
import dev.tenantfleet.model.tenant.TenantProvisioned;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tenant.events mirrored into the status cache, by event time, through the real broker. */
@QuarkusTest
@WithTestResource(IdentityTestEnvironment.class)
class TenantStatusMirrorConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant T0 = Instant.parse("2025-03-20T07:16:13.884512Z");

    @ConfigProperty(name = "identity.cache.prefix")
    String prefix;

    @Inject
    MeterRegistry registry;

    private TestBroker broker;
    private TestCaches caches;
    private TenantStatusMirror mirror;

    @BeforeEach
    void setUp() throws Exception {
        broker = new TestBroker();
        caches = new TestCaches(LocalRedis.HOST, LocalRedis.PORT, prefix);
        mirror = caches.caches().tenantStatus();
    }

    @AfterEach
    void tearDown() throws Exception {
        caches.close();
        broker.close();
    }

    @Test
    void provisionedStatusChangedAndDeactivatedAreMirroredAndAnOlderEventNeverOverwritesANewerOne() throws Exception {
        UUID tenant = UUID.randomUUID();
        assertThat(mirror.writability(tenant)).isEqualTo(Writability.UNKNOWN);

        CloudEvent<TenantEvent> provisioned = broker.publishTenantEvent(
                new TenantProvisioned(tenant, "acme", "Acme", "local", "tf_acme", "v1.4"), T0);
        awaitStatus(tenant, TenantStatus.ACTIVE, provisioned);
        assertThat(mirror.writability(tenant)).isEqualTo(Writability.WRITABLE);

        CloudEvent<TenantEvent> readOnly = broker.publishTenantEvent(
                new TenantStatusChanged(
                        tenant, "acme", TenantStatus.ACTIVE, TenantStatus.READ_ONLY, "ops", "release gate"),
                T0.plusSeconds(10));
        awaitStatus(tenant, TenantStatus.READ_ONLY, readOnly);
        assertThat(mirror.writability(tenant)).isEqualTo(Writability.NOT_WRITABLE);

        double ignoredBefore = Meters.count(registry, "identity.events.ignored.stale", "type", "tenant.status-changed");
        broker.publishTenantEvent(
                new TenantStatusChanged(tenant, "acme", TenantStatus.ACTIVE, TenantStatus.SUSPENDED, "ops", "late"),
                T0.plusSeconds(5)); // delivered after, happened before
        await().atMost(WAIT)
                .until(() -> Meters.count(registry, "identity.events.ignored.stale", "type", "tenant.status-changed")
                        > ignoredBefore);
        assertThat(mirror.get(tenant)).map(MirroredStatus::status).contains(TenantStatus.READ_ONLY);

        CloudEvent<TenantEvent> deactivated = broker.publishTenantEvent(
                new TenantDeactivated(tenant, "acme", TenantStatus.READ_ONLY, "ops", "left", T0.plusSeconds(20)),
                T0.plusSeconds(20));
        awaitStatus(tenant, TenantStatus.DEACTIVATED, deactivated);
        assertThat(mirror.isWritable(tenant, id -> TenantStatus.ACTIVE)).isFalse();
    }

    @Test
    void anAdoptedTenantIsMirroredWithTheStatusItWasAdoptedIn() throws Exception {
        UUID tenant = UUID.randomUUID();
        CloudEvent<TenantEvent> adopted = broker.publishTenantEvent(
                new TenantAdopted(
                        tenant, "initech", "Initech", "local", "legacy_initech", TenantStatus.READ_ONLY, "v1.2", false),
                T0);
        awaitStatus(tenant, TenantStatus.READ_ONLY, adopted);
        assertThat(mirror.writability(tenant)).isEqualTo(Writability.NOT_WRITABLE);
    }

    @Test
    void anUnreadableTenantEventIsDeadLetteredAndTheMirrorKeepsGoing() throws Exception {
        String id = "poison-tenant-" + UUID.randomUUID();
        broker.publishRaw(
                TestBroker.TENANT_EXCHANGE,
                "tenant.status-changed." + UUID.randomUUID(),
                "not json".getBytes(StandardCharsets.UTF_8),
                id);
        UUID tenant = UUID.randomUUID();
        CloudEvent<TenantEvent> changed = broker.publishTenantEvent(
                new TenantStatusChanged(tenant, "globex", TenantStatus.ACTIVE, TenantStatus.SUSPENDED, "ops", null),
                T0);

        GetResponse dead = broker.takeDeadLetter(TestBroker.TENANT_QUEUE, id, WAIT);

        assertThat(TestBroker.headers(dead)).containsEntry(MessageHeaders.DEAD_LETTER_ERROR_CODE, "MALFORMED_JSON");
        awaitStatus(tenant, TenantStatus.SUSPENDED, changed);
    }

    private void awaitStatus(UUID tenant, TenantStatus status, CloudEvent<TenantEvent> by) {
        await().atMost(WAIT)
                .until(
                        () -> mirror.get(tenant),
                        mirrored -> mirrored.equals(Optional.of(new MirroredStatus(status, by.time(), by.id()))));
    }
}
