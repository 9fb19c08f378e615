package dev.tenantfleet.identity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.identity.cache.support.LocalRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The tagged-entry protocol against the real local Redis, under a random key prefix deleted afterwards. */
class TaggedCacheTest {
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final String PREFIX = LocalRedis.randomPrefix();
    private static JedisPooled redis;
    private static JedisRedisPort port;
    private static TaggedCache cache;
    private static KeyLayout layout;

    @BeforeAll
    static void connect() {
        redis = LocalRedis.client();
        port = new JedisRedisPort(redis);
        layout = new KeyLayout(PREFIX);
        cache = new TaggedCache(port, layout, Duration.ofHours(2));
    }

    @AfterAll
    static void cleanUp() {
        LocalRedis.deletePrefix(redis, PREFIX);
        redis.close();
    }

    @Test
    void aFreshEntryIsServedWithoutCallingTheLoaderAgain() {
        String key = randomKey();
        AtomicInteger loads = new AtomicInteger();

        assertThat(cache.getOrLoad(key, List.of(randomTag()), TTL, () -> {
                    loads.incrementAndGet();
                    return "{\"name\":\"Ana\",\"n\":12345678901234567}";
                }))
                .contains("{\"name\":\"Ana\",\"n\":12345678901234567}");
        assertThat(cache.getOrLoad(key, List.of(randomTag()), TTL, () -> {
                    loads.incrementAndGet();
                    return "{}";
                }))
                .contains("{\"name\":\"Ana\",\"n\":12345678901234567}");

        assertThat(loads).hasValue(1);
        assertThat(cache.get(key)).contains("{\"name\":\"Ana\",\"n\":12345678901234567}");
    }

    @Test
    void theStoredValueIsTheDocumentedJson() throws Exception {
        String key = randomKey();
        String tag = randomTag();
        TagGenerations generations = cache.generations(List.of(tag));

        assertThat(cache.put(key, "[1,2]", generations, TTL)).isTrue();

        assertThat(redis.get(key))
                .isEqualTo("{\"tags\":{\"" + tag + "\":" + generations.byTag().get(tag) + "},\"data\":[1,2]}");
    }

    @Test
    void invalidatingATagMakesEveryEntryCarryingItStaleAndOnlyThose() {
        String shared = randomTag();
        List<String> carriers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = randomKey();
            carriers.add(key);
            fill(key, List.of(shared, randomTag()), "{\"i\":" + i + "}");
        }
        String other = randomKey();
        fill(other, List.of(randomTag()), "{\"other\":true}");

        cache.invalidate(shared);

        assertThat(carriers).allSatisfy(key -> {
            assertThat(cache.get(key)).isEmpty();
            assertThat(redis.exists(key)).as("a stale entry is deleted on read").isFalse();
        });
        assertThat(cache.get(other)).contains("{\"other\":true}");
    }

    @Test
    void anEntryFilledFromDataLoadedBeforeAnInvalidationIsNeverServed() {
        String key = randomKey();
        String tag = randomTag();

        TagGenerations generations = cache.generations(List.of(tag)); // (1) before loading
        cache.invalidate(tag); // identity changes the user meanwhile
        boolean stored = cache.put(key, "{\"roles\":[\"admin\"]}", generations, TTL); // (3) with the old generations

        assertThat(stored).isFalse();
        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void getOrLoadFollowsTheFillRuleWhenAnInvalidationHappensDuringTheLoad() {
        String key = randomKey();
        String tag = randomTag();

        Object loaded = cache.getOrLoad(key, List.of(tag), TTL, () -> {
            cache.invalidate(tag); // the invalidation lands while the (old) data is being loaded
            return "{\"version\":1}";
        });

        assertThat(loaded).isEqualTo(Optional.of("{\"version\":1}"));
        assertThat(cache.get(key))
                .as("the old data is never served from the cache")
                .isEmpty();
        assertThat(cache.getOrLoad(key, List.of(tag), TTL, () -> "{\"version\":2}"))
                .contains("{\"version\":2}");
        assertThat(cache.get(key)).contains("{\"version\":2}");
    }

    @Test
    void anInvalidationAfterThePutMakesTheEntryStaleOnItsFirstRead() {
        String key = randomKey();
        String tag = randomTag();
        fill(key, List.of(tag), "{\"v\":1}");

        cache.invalidate(tag);

        assertThat(cache.get(key)).isEmpty();
        assertThat(redis.exists(key)).isFalse();
    }

    @Test
    void aMissingOrRecreatedCounterNeverMatchesAGenerationRecordedBefore() {
        String key = randomKey();
        String tag = randomTag();
        TagGenerations before = fill(key, List.of(tag), "{\"v\":1}");

        redis.del(layout.tag(tag)); // the counter expired (or was evicted)
        assertThat(cache.get(key)).as("missing counter = stale").isEmpty();

        fill(key, List.of(tag), "{\"v\":2}");
        redis.del(layout.tag(tag));
        long recreated = cache.invalidate(tag); // comes back at a random start, not at 1
        assertThat(recreated).isNotEqualTo(before.byTag().get(tag)).isGreaterThanOrEqualTo(TaggedCache.MIN_START);
        assertThat(cache.get(key)).isEmpty();

        String fresh = randomTag();
        long start = cache.generations(List.of(fresh)).byTag().get(fresh);
        assertThat(start).isBetween(TaggedCache.MIN_START, TaggedCache.MAX_START);
    }

    @Test
    void everyKeyWrittenHasATtlAndTouchingATagRefreshesIt() {
        String key = randomKey();
        String tag = randomTag();
        fill(key, List.of(tag), "{}");
        redis.pexpire(layout.tag(tag), 1_000);

        cache.generations(List.of(tag));
        assertThat(redis.pttl(layout.tag(tag)))
                .isBetween(
                        Duration.ofMinutes(119).toMillis(), Duration.ofHours(2).toMillis());
        redis.pexpire(layout.tag(tag), 1_000);
        cache.invalidate(tag);
        assertThat(redis.pttl(layout.tag(tag)))
                .isBetween(
                        Duration.ofMinutes(119).toMillis(), Duration.ofHours(2).toMillis());

        assertThat(redis.pttl(key)).isBetween(Duration.ofMinutes(14).toMillis(), TTL.toMillis());
        assertThat(LocalRedis.keys(redis, PREFIX + ":*"))
                .isNotEmpty()
                .allSatisfy(k -> assertThat(redis.pttl(k)).as("TTL of %s", k).isPositive());
    }

    @Test
    void invalidatingOneTagManyTimesLeavesOneKey() {
        String tag = randomTag();
        String key = randomKey();
        fill(key, List.of(tag), "{}");
        int keysBefore = LocalRedis.keys(redis, PREFIX + ":*").size();

        long first = cache.invalidate(tag);
        long last = first;
        for (int i = 0; i < 1_000; i++) {
            last = cache.invalidate(tag);
        }

        assertThat(last).isEqualTo(first + 1_000);
        assertThat(cache.get(key)).isEmpty();
        assertThat(LocalRedis.keys(redis, PREFIX + ":*")).hasSize(keysBefore - 1); // the stale entry went on read
        assertThat(LocalRedis.keys(redis, layout.tag(tag) + "*")).containsExactly(layout.tag(tag));
    }

    @Test
    void anUnreadableEntryIsAMissAndIsDeleted() {
        String key = randomKey();
        redis.set(key, "not json");

        assertThat(cache.get(key)).isEmpty();
        assertThat(redis.exists(key)).isFalse();
    }

    @Test
    void dataMustBeJsonAndEntriesMustExpireBeforeTheirTags() {
        TagGenerations generations = cache.generations(List.of(randomTag()));

        assertThatThrownBy(() -> cache.put(randomKey(), "{nope", generations, TTL))
                .isInstanceOfSatisfying(
                        IdentityCacheException.class,
                        e -> assertThat(e.code()).isEqualTo(IdentityCacheErrorCode.INVALID_DATA));
        assertThatThrownBy(() -> cache.put(randomKey(), "{}", generations, Duration.ofHours(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.generations(List.of())).isEqualTo(new TagGenerations(Map.of()));
    }

    private TagGenerations fill(String key, List<String> tags, String json) {
        TagGenerations generations = cache.generations(tags);
        assertThat(cache.put(key, json, generations, TTL)).isTrue();
        assertThat(cache.get(key)).contains(json);
        return generations;
    }

    private static String randomKey() {
        return PREFIX + ":entry:" + UUID.randomUUID();
    }

    private static String randomTag() {
        return "test:" + UUID.randomUUID();
    }
}
