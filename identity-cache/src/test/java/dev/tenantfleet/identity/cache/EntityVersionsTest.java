package dev.tenantfleet.identity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.identity.cache.support.LocalRedis;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Per-entity versions against the real local Redis, under a random key prefix deleted afterwards. */
class EntityVersionsTest {
    private static final String PREFIX = LocalRedis.randomPrefix();
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
        LocalRedis.deletePrefix(redis, PREFIX);
        redis.close();
    }

    @Test
    void onlyANewerVersionIsNewerAndOnlyANewerVersionIsRecorded() {
        EntityVersions versions = caches.versions();
        String entity = "user:" + UUID.randomUUID();

        assertThat(versions.isNewer(entity, 1)).isTrue();
        assertThat(versions.lastApplied(entity)).isEmpty();
        assertThat(versions.recordIfNewer(entity, 5)).isTrue();

        assertThat(versions.isNewer(entity, 5)).as("duplicate").isFalse();
        assertThat(versions.isNewer(entity, 4)).as("older").isFalse();
        assertThat(versions.isNewer(entity, 6)).isTrue();
        assertThat(versions.recordIfNewer(entity, 4)).isFalse();
        assertThat(versions.lastApplied(entity)).isEqualTo(OptionalLong.of(5));
        assertThat(redis.pttl(caches.layout().version(entity)))
                .isBetween(
                        Duration.ofDays(7).minusMinutes(1).toMillis(),
                        Duration.ofDays(7).toMillis());
    }

    @Test
    void versionsCompareExactlyBeyondWhatADoubleCanTellApart() {
        EntityVersions versions = caches.versions();
        String entity = "policy:" + UUID.randomUUID();

        versions.recordIfNewer(entity, Long.MAX_VALUE - 1);

        assertThat(versions.isNewer(entity, Long.MAX_VALUE)).isTrue();
        assertThat(versions.isNewer(entity, Long.MAX_VALUE - 1)).isFalse();
        assertThat(versions.isNewer(entity, 9)).isFalse();
        assertThat(versions.recordIfNewer(entity, Long.MAX_VALUE)).isTrue();
        assertThat(versions.lastApplied(entity)).isEqualTo(OptionalLong.of(Long.MAX_VALUE));
    }

    @Test
    void invalidateIfNewerAppliesAndRecordsAtomicallyAndIgnoresDuplicatesAndOlderVersions() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String entity = "membership:" + tenant + ":" + user;
        TenantUserView view = new TenantUserView(user, List.of("sales"), "active");
        TagGenerations generations = caches.tenantUserGenerations(tenant, user);
        caches.putTenantUser(tenant, view, generations);
        String counter = caches.layout().tag(Tags.member(tenant, user));

        assertThat(caches.versions().invalidateIfNewer(entity, 3, List.of(Tags.member(tenant, user))))
                .isTrue();
        assertThat(caches.tenantUser(tenant, user)).isEmpty();
        assertThat(caches.versions().lastApplied(entity)).isEqualTo(OptionalLong.of(3));
        String afterApply = redis.get(counter);

        caches.putTenantUser(tenant, view, caches.tenantUserGenerations(tenant, user));
        assertThat(caches.versions().invalidateIfNewer(entity, 3, List.of(Tags.member(tenant, user))))
                .isFalse();
        assertThat(caches.versions().invalidateIfNewer(entity, 2, List.of(Tags.member(tenant, user))))
                .isFalse();

        assertThat(redis.get(counter)).as("an ignored event changes nothing").isEqualTo(afterApply);
        assertThat(caches.tenantUser(tenant, user)).contains(view);
    }

    @Test
    void invalidateAllIfNewerAnswersEachInvalidationInListOrderIncludingSeveralOfOneEntity() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String membership = "membership:" + tenant + ":" + user;
        String policy = "policy:" + UUID.randomUUID();
        caches.putTenantUser(
                tenant,
                new TenantUserView(user, List.of("sales"), "active"),
                caches.tenantUserGenerations(tenant, user));
        TenantUserView untouched = new TenantUserView(other, List.of("sales"), "active");
        caches.putTenantUser(tenant, untouched, caches.tenantUserGenerations(tenant, other));
        caches.versions().recordIfNewer(policy, 7);

        List<EntityVersions.Applied> applied = caches.versions()
                .invalidateAllIfNewer(List.of(
                        new EntityVersions.Invalidation(membership, 2, List.of(Tags.member(tenant, user))),
                        new EntityVersions.Invalidation(policy, 6, List.of(Tags.policies(tenant))),
                        new EntityVersions.Invalidation(membership, 2, List.of(Tags.member(tenant, user))),
                        new EntityVersions.Invalidation(membership, 4, List.of(Tags.member(tenant, user))),
                        new EntityVersions.Invalidation(membership, 3, List.of(Tags.member(tenant, user)))));

        assertThat(applied)
                .extracting(EntityVersions.Applied::applied)
                .containsExactly(true, false, false, true, false);
        assertThat(applied).extracting(EntityVersions.Applied::error).containsOnlyNulls();
        assertThat(caches.versions().lastApplied(membership)).isEqualTo(OptionalLong.of(4));
        assertThat(caches.versions().lastApplied(policy))
                .as("older than recorded")
                .isEqualTo(OptionalLong.of(7));
        assertThat(caches.tenantUser(tenant, user)).isEmpty();
        assertThat(caches.tenantUser(tenant, other)).contains(untouched);
    }

    @Test
    void versionsStartAtOne() {
        assertThatThrownBy(() -> caches.versions().isNewer("user:x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
