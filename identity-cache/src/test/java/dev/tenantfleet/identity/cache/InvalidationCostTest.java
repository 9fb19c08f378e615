package dev.tenantfleet.identity.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.identity.cache.support.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * Invalidating a tag is O(1): the Redis commands it runs and the keys it touches do not depend on how many entries carry
 * the tag. Measured on a private redis-server (command statistics of the shared one would count other clients' work);
 * nothing is timed.
 */
class InvalidationCostTest {
    private static final String TAG = "tenant:8c5e9d1a-2b3f-4e5d-9a8b-7c6d5e4f3a2b";
    private static RedisServerProcess server;
    private static JedisPooled client;
    private static TaggedCache cache;
    private static KeyLayout layout;

    @BeforeAll
    static void start() {
        server = RedisServerProcess.start();
        client = new JedisPooled("127.0.0.1", server.port());
        layout = new KeyLayout("tf");
        cache = new TaggedCache(new JedisRedisPort(client), layout, Duration.ofHours(2));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void invalidatingATagRunsTheSameCommandsOnOneKeyFor10Or10000Carriers() {
        Map<String, Long> small = invalidationCost(10);
        Map<String, Long> large = invalidationCost(10_000);

        assertThat(large)
                .isEqualTo(small)
                .containsExactlyInAnyOrderEntriesOf(Map.of("evalsha", 1L, "exists", 1L, "incr", 1L, "pexpire", 1L));
    }

    @Test
    void theScriptIsGivenExactlyOneKey() {
        List<List<String>> keysGiven = new ArrayList<>();
        RedisPort recording = (script, keys, args) -> {
            keysGiven.add(keys);
            return new JedisRedisPort(client).eval(script, keys, args);
        };

        new TaggedCache(recording, layout, Duration.ofHours(2)).invalidate(TAG);

        assertThat(keysGiven).containsExactly(List.of(layout.tag(TAG)));
    }

    /** Fills {@code carriers} entries tagged {@link #TAG}, invalidates it once, returns the commands that ran. */
    private Map<String, Long> invalidationCost(int carriers) {
        try (Jedis admin = server.connect()) {
            admin.flushAll();
            TagGenerations generations = cache.generations(List.of(TAG, "other"));
            for (int i = 0; i < carriers; i++) {
                cache.put("tf:t:x:user:" + i, "{\"i\":" + i + "}", generations, Duration.ofMinutes(15));
            }
            cache.invalidate("warm-up"); // loads the script, so the measured call is a plain EVALSHA
            long keysBefore = admin.dbSize();
            String counterBefore = admin.get(layout.tag(TAG));

            admin.configResetStat();
            cache.invalidate(TAG);
            Map<String, Long> calls = commandCalls(admin.info("commandstats"));

            assertThat(admin.dbSize()).as("no key created or deleted").isEqualTo(keysBefore);
            assertThat(Long.parseLong(admin.get(layout.tag(TAG)))).isEqualTo(Long.parseLong(counterBefore) + 1);
            assertThat(cache.get("tf:t:x:user:0")).isEmpty();
            assertThat(cache.get("tf:t:x:user:" + (carriers - 1))).isEmpty();
            return calls;
        }
    }

    private static Map<String, Long> commandCalls(String commandStats) {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : commandStats.split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            long count = Long.parseLong(line.replaceFirst("^[^:]*:calls=(\\d+),.*$", "$1"));
            if (!name.equals("info") && !name.equals("config|resetstat") && !name.equals("config")) {
                calls.put(name, count);
            }
        }
        return calls;
    }
}
