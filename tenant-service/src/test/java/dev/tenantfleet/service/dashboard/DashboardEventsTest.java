package dev.tenantfleet.service.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.ReleaseEvent;
import dev.tenantfleet.model.release.ReleaseProgressed;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.tenant.TenantEvent;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.testsupport.BrokerProbe;
import dev.tenantfleet.testsupport.OwnVhost;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live feed: events published on the real broker reach an open server-sent-events stream, unreadable copies are
 * skipped without stopping it, and the stream needs the token like the rest of the API.
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
@WithTestResource(OwnVhost.class)
class DashboardEventsTest {
    @TestHTTPResource("/api/dashboard/events")
    URI events;

    @Test
    void shouldStreamTenantAndReleaseEventsFromTheBrokerAndSkipUnreadableOnes() throws Exception {
        String slug = Api.randomSlug("live");
        UUID releaseId = UUID.randomUUID();
        try (SseRecorder stream = SseRecorder.open(events, Api.TOKEN);
                BrokerProbe broker = BrokerProbe.bind(Exchanges.TENANT_EVENTS, "nothing.to.receive")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.contains("tenantfleet.dashboard.connected"));

            broker.publish(
                    Exchanges.TENANT_EVENTS,
                    "tenant.status-changed.x",
                    UUID.randomUUID().toString(),
                    "{not json");
            broker.publish(
                    Exchanges.TENANT_EVENTS,
                    "tenant.status-changed.x",
                    UUID.randomUUID().toString(),
                    tenantEvent(slug));
            broker.publish(
                    Exchanges.MIGRATION_RESULTS,
                    "release." + releaseId + ".progress",
                    UUID.randomUUID().toString(),
                    releaseEvent(releaseId));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(stream.lines())
                        .anySatisfy(line -> assertThat(line)
                                .contains("tenantfleet.tenant.status-changed.v1")
                                .contains("\"slug\":\"" + slug + "\"")
                                .contains("\"to\":\"READ_ONLY\""));
                assertThat(stream.lines())
                        .anySatisfy(line -> assertThat(line)
                                .contains("tenantfleet.release.progressed.v1")
                                .contains(releaseId.toString()));
            });
        }
    }

    @Test
    void shouldRefuseTheStreamWithoutTheToken() throws Exception {
        assertThat(SseRecorder.statusOf(events, "wrong")).isEqualTo(401);
    }

    private static String tenantEvent(String slug) {
        TenantEvent data = new TenantStatusChanged(
                UUID.randomUUID(), slug, TenantStatus.ACTIVE, TenantStatus.READ_ONLY, "test", "dashboard test");
        return new String(
                TenantEvent.codec().encode(CloudEvent.of("/test", TenantStatusChanged.TYPE, slug, data)),
                StandardCharsets.UTF_8);
    }

    private static String releaseEvent(UUID releaseId) {
        ReleaseEvent data = new ReleaseProgressed(
                releaseId, "v1.4", ReleaseStatus.RUNNING, 0, 1, new ReleaseCounts(2, 1, 1, 0, 0, 0, 0, 0, 0, 0));
        return new String(
                ReleaseEvent.codec().encode(CloudEvent.of("/test", ReleaseProgressed.TYPE, releaseId.toString(), data)),
                StandardCharsets.UTF_8);
    }
}
