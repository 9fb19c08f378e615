package dev.tenantfleet.identity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.identity.cache.support.LocalRedis;
import dev.tenantfleet.model.tenant.TenantStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The tenant status mirror against the real local Redis, under a random key prefix deleted afterwards. */
class TenantStatusMirrorTest {
    private static final String PREFIX = LocalRedis.randomPrefix();
    private static final Instant T0 = Instant.parse("2025-03-20T07:16:13.8Z");
    private static JedisPooled redis;
    private static TenantStatusMirror mirror;
    private static KeyLayout layout;

    @BeforeAll
    static void connect() {
        redis = LocalRedis.client();
        IdentityCaches caches = new IdentityCaches(
                new JedisRedisPort(redis), CacheSettings.defaults().withPrefix(PREFIX));
        mirror = caches.tenantStatus();
        layout = caches.layout();
    }

    @AfterAll
    static void cleanUp() {
        LocalRedis.deletePrefix(redis, PREFIX);
        redis.close();
    }

    @Test
    void aNewerEventWinsAndAnOlderOneIsIgnored() {
        UUID tenant = UUID.randomUUID();

        assertThat(mirror.record(tenant, TenantStatus.ACTIVE, T0, "e1")).isTrue();
        assertThat(mirror.record(tenant, TenantStatus.READ_ONLY, T0.plusMillis(80), "e3"))
                .isTrue();
        // 13.8 s is before 13.88 s although "13.8Z" > "13.88Z" as strings: the mirror stores nine fractional digits
        assertThat(mirror.record(tenant, TenantStatus.SUSPENDED, T0.plusMillis(10), "e2"))
                .isFalse();
        assertThat(mirror.record(tenant, TenantStatus.SUSPENDED, T0.plusMillis(80), "e3-again"))
                .as("same time")
                .isFalse();

        assertThat(mirror.get(tenant)).contains(new MirroredStatus(TenantStatus.READ_ONLY, T0.plusMillis(80), "e3"));
        assertThat(redis.get(layout.tenantStatus(tenant)))
                .isEqualTo("{\"status\":\"READ_ONLY\",\"at\":\"2025-03-20T07:16:13.880000000Z\",\"eventId\":\"e3\"}");
        assertThat(redis.pttl(layout.tenantStatus(tenant)))
                .isBetween(
                        Duration.ofDays(7).minusMinutes(1).toMillis(),
                        Duration.ofDays(7).toMillis());
    }

    @Test
    void onlyActiveTenantsAreWritable() {
        assertThat(TenantStatusMirror.isWritable(TenantStatus.ACTIVE)).isTrue();
        for (TenantStatus status : new TenantStatus[] {
            TenantStatus.READ_ONLY,
            TenantStatus.SUSPENDED,
            TenantStatus.DEACTIVATED,
            TenantStatus.PROVISIONING,
            TenantStatus.PROVISIONING_FAILED
        }) {
            UUID tenant = UUID.randomUUID();
            mirror.record(tenant, status, T0, "e");
            assertThat(mirror.writability(tenant)).as("%s", status).isEqualTo(Writability.NOT_WRITABLE);
            assertThat(mirror.isWritable(tenant, id -> TenantStatus.ACTIVE))
                    .as("%s", status)
                    .isFalse();
        }
        UUID active = UUID.randomUUID();
        mirror.record(active, TenantStatus.ACTIVE, T0, "e");
        assertThat(mirror.writability(active)).isEqualTo(Writability.WRITABLE);
    }

    @Test
    void anUnknownTenantIsAskedOfTheControlPlane() {
        UUID tenant = UUID.randomUUID();
        AtomicInteger asked = new AtomicInteger();

        assertThat(mirror.writability(tenant)).isEqualTo(Writability.UNKNOWN);
        assertThat(mirror.isWritable(tenant, id -> {
                    asked.incrementAndGet();
                    return TenantStatus.SUSPENDED;
                }))
                .isFalse();
        assertThat(asked).hasValue(1);

        redis.set(layout.tenantStatus(tenant), "{\"status\":\"SOMETHING_NEW\",\"at\":\"x\"}");
        assertThat(mirror.writability(tenant)).as("unreadable = unknown").isEqualTo(Writability.UNKNOWN);
        redis.del(layout.tenantStatus(tenant));
    }
}
