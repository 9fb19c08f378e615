package dev.tenantfleet.identity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.identity.cache.support.LocalRedis;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The typed caches and their tags against the real local Redis (random prefix, random tokens; all deleted). */
class IdentityCachesTest {
    private static final String PREFIX = LocalRedis.randomPrefix();
    private static final List<String> tokens = new CopyOnWriteArrayList<>();
    private static JedisPooled redis;
    private static IdentityCaches caches;

    @BeforeAll
    static void connect() {
        redis = LocalRedis.client();
        caches = new IdentityCaches(
                new JedisRedisPort(redis), CacheSettings.defaults().withPrefix(PREFIX));
    }

    @AfterAll
    static void cleanUp() {
        tokens.forEach(token -> redis.del(caches.layout().userPayload(token)));
        LocalRedis.deletePrefix(redis, PREFIX);
        redis.close();
    }

    @Test
    void aTenantUserViewIsDroppedByItsUserItsMembershipOrItsTenant() {
        UUID tenant = UUID.randomUUID();
        for (String tag : new String[] {"user", "member", "tenant"}) {
            UUID user = UUID.randomUUID();
            TenantUserView view = new TenantUserView(user, List.of("sales", "admin"), "active");
            assertThat(caches.tenantUser(tenant, user, () -> view)).contains(view);
            assertThat(caches.tenantUser(tenant, user)).contains(view);
            assertThat(redis.pttl(caches.layout().tenantUser(tenant, user)))
                    .isBetween(
                            Duration.ofMinutes(14).toMillis(),
                            Duration.ofMinutes(15).toMillis());

            caches.invalidate(
                    switch (tag) {
                        case "user" -> Tags.user(user);
                        case "member" -> Tags.member(tenant, user);
                        default -> Tags.tenant(tenant);
                    });

            assertThat(caches.tenantUser(tenant, user))
                    .as("after invalidating %s", tag)
                    .isEmpty();
        }
    }

    @Test
    void policiesAreDroppedPerTenantFleetWideOrWithTheirTenant() {
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        fillPolicies(acme, globex);

        caches.invalidate(Tags.policies(acme));
        assertThat(caches.policies(acme)).isEmpty();
        assertThat(caches.policies(globex)).contains("[{\"id\":\"p\"}]");

        fillPolicies(acme, globex);
        caches.invalidate(Tags.POLICIES);
        assertThat(caches.policies(acme)).isEmpty();
        assertThat(caches.policies(globex)).isEmpty();

        fillPolicies(acme, globex);
        caches.invalidate(Tags.tenant(globex));
        assertThat(caches.policies(acme)).isPresent();
        assertThat(caches.policies(globex)).isEmpty();
    }

    @Test
    void aUserPayloadLivesUnderTheSha256OfTheTokenFor60Seconds() {
        String token = token();
        UUID user = UUID.randomUUID();

        assertThat(caches.userPayload(token, user, null, () -> "{\"sub\":\"" + user + "\"}"))
                .isPresent();

        String key = "identity.user:" + KeyLayout.sha256Hex(token);
        assertThat(redis.get(key))
                .contains("\"data\":{\"sub\":\"" + user + "\"}")
                .doesNotContain(token);
        assertThat(redis.pttl(key))
                .isBetween(
                        Duration.ofSeconds(59).toMillis(),
                        Duration.ofSeconds(60).toMillis());
        assertThat(caches.userPayload(token)).contains("{\"sub\":\"" + user + "\"}");

        caches.invalidate(Tags.user(user));
        assertThat(caches.userPayload(token)).isEmpty();
    }

    @Test
    void aTenantBoundPayloadIsDroppedWithItsTenantAnUnboundOneIsNot() {
        UUID tenant = UUID.randomUUID();
        String bound = token();
        String unbound = token();
        caches.userPayload(bound, UUID.randomUUID(), tenant, () -> "{\"t\":1}");
        caches.userPayload(unbound, UUID.randomUUID(), null, () -> "{\"t\":0}");

        caches.invalidate(Tags.tenant(tenant));

        assertThat(caches.userPayload(bound)).isEmpty();
        assertThat(caches.userPayload(unbound)).contains("{\"t\":0}");
    }

    private static void fillPolicies(UUID... tenants) {
        for (UUID tenant : tenants) {
            assertThat(caches.policies(tenant, () -> "[{\"id\":\"p\"}]")).contains("[{\"id\":\"p\"}]");
        }
    }

    private static String token() {
        String token = "tok-" + LocalRedis.randomHex(16);
        tokens.add(token);
        return token;
    }
}
