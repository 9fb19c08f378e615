package dev.tenantfleet.identity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.identity.cache.support.RedisServerProcess;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/** The Jedis adapter against a private redis-server (it flushes scripts and is killed). */
class JedisRedisPortTest {
    private static RedisServerProcess server;

    @BeforeAll
    static void start() {
        server = RedisServerProcess.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void convertsRepliesAndSendsTheScriptAgainAfterScriptFlush() {
        try (JedisRedisPort port = JedisRedisPort.connect("127.0.0.1", server.port());
                Jedis admin = server.connect()) {
            String script = "return {1, 'two', redis.call('GET', KEYS[1]), ARGV[1]}";

            assertThat(port.eval(script, List.of("missing"), List.of("é")))
                    .isEqualTo(Arrays.asList(1L, "two", null, "é"));
            admin.scriptFlush();
            admin.set("k", "v");
            assertThat(port.eval(script, List.of("k"), List.of("é"))).isEqualTo(List.of(1L, "two", "v", "é"));
            assertThat(port.eval("return nil", List.of(), List.of())).isNull();
        }
    }

    @Test
    void anErrorReplyIsARedisErrorAndAnUnreachableServerIsTransient() {
        try (JedisRedisPort port = JedisRedisPort.connect("127.0.0.1", server.port());
                Jedis admin = server.connect()) {
            admin.set("tf:tag:broken", "not a number");
            TaggedCache cache = new TaggedCache(port, new KeyLayout("tf"), Duration.ofHours(2));

            assertThatThrownBy(() -> cache.invalidate("broken"))
                    .isInstanceOfSatisfying(IdentityCacheException.class, e -> {
                        assertThat(e.code()).isEqualTo(IdentityCacheErrorCode.REDIS_ERROR);
                        assertThat(e.isTransient()).isFalse();
                    });
        }
        RedisServerProcess down = RedisServerProcess.start();
        down.kill();
        try (JedisPooled client = new JedisPooled("127.0.0.1", down.port())) {
            assertThatThrownBy(() -> new JedisRedisPort(client).eval("return 1", List.of(), List.of()))
                    .isInstanceOfSatisfying(IdentityCacheException.class, e -> {
                        assertThat(e.code()).isEqualTo(IdentityCacheErrorCode.REDIS_UNAVAILABLE);
                        assertThat(e.isTransient()).isTrue();
                    });
        }
    }
}
