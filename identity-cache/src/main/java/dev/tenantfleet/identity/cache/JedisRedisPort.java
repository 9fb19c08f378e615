package dev.tenantfleet.identity.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * {@link RedisPort} over Jedis (an optional dependency of identity-cache: bring {@code redis.clients:jedis}). Sends each
 * script's SHA-1 (EVALSHA) and the whole script only when Redis does not know it yet (NOSCRIPT).
 */
public final class JedisRedisPort implements RedisPort, AutoCloseable {
    private final UnifiedJedis jedis;
    private final boolean owned;
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    /** Over a client the caller owns (and closes). */
    public JedisRedisPort(UnifiedJedis jedis) {
        this(jedis, false);
    }

    private JedisRedisPort(UnifiedJedis jedis, boolean owned) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
        this.owned = owned;
    }

    /** Over a new pooled client of {@code host:port}, closed by {@link #close()}. */
    public static JedisRedisPort connect(String host, int port) {
        return new JedisRedisPort(new JedisPooled(host, port), true);
    }

    @Override
    public Object eval(String script, List<String> keys, List<String> args) {
        String sha = shas.computeIfAbsent(script, LuaScripts::sha1);
        try {
            try {
                return normalize(jedis.evalsha(sha, keys, args));
            } catch (JedisNoScriptException e) {
                return normalize(jedis.eval(script, keys, args));
            }
        } catch (JedisConnectionException e) {
            throw new IdentityCacheException(
                    IdentityCacheErrorCode.REDIS_UNAVAILABLE, "Redis is unreachable: " + e.getMessage(), e);
        } catch (JedisDataException e) {
            if (isBusyOrLoading(e.getMessage())) {
                throw new IdentityCacheException(
                        IdentityCacheErrorCode.REDIS_UNAVAILABLE, "Redis is not ready: " + e.getMessage(), e);
            }
            throw new IdentityCacheException(
                    IdentityCacheErrorCode.REDIS_ERROR, "Redis refused a script: " + e.getMessage(), e);
        }
    }

    /** Closes the client if this port created it. */
    @Override
    public void close() {
        if (owned) {
            jedis.close();
        }
    }

    static boolean isBusyOrLoading(String message) {
        return message != null
                && (message.startsWith("LOADING")
                        || message.startsWith("BUSY")
                        || message.startsWith("TRYAGAIN")
                        || message.startsWith("MASTERDOWN"));
    }

    private static Object normalize(Object reply) {
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (reply instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            list.forEach(value -> values.add(normalize(value)));
            return values;
        }
        return reply;
    }
}
