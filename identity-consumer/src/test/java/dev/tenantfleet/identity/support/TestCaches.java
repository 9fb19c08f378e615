package dev.tenantfleet.identity.support;

import dev.tenantfleet.identity.cache.CacheSettings;
import dev.tenantfleet.identity.cache.IdentityCaches;
import dev.tenantfleet.identity.cache.JedisRedisPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import redis.clients.jedis.JedisPooled;

/**
 * The caches as an application sees them: the public Java reader over Jedis, under the test application's key prefix.
 * Remembers the tokens a test used so that their {@code identity.user:*} keys can be deleted.
 */
public final class TestCaches implements AutoCloseable {
    private final JedisPooled redis;
    private final IdentityCaches caches;
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    public TestCaches(String host, int port, String prefix) {
        this.redis = new JedisPooled(host, port);
        this.caches = new IdentityCaches(
                new JedisRedisPort(redis), CacheSettings.defaults().withPrefix(prefix));
    }

    public IdentityCaches caches() {
        return caches;
    }

    public JedisPooled redis() {
        return redis;
    }

    /** A random access token whose payload key is deleted by {@link #close()}. */
    public String newToken() {
        String token = "test-token-" + dev.tenantfleet.identity.cache.support.LocalRedis.randomHex(16);
        tokens.add(token);
        return token;
    }

    @Override
    public void close() {
        tokens.forEach(token -> redis.del(caches.layout().userPayload(token)));
        redis.close();
    }
}
