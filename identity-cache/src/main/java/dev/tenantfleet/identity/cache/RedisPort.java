package dev.tenantfleet.identity.cache;

import java.util.List;

/**
 * The only thing identity-cache needs from a Redis client: run a Lua script atomically in one round trip. Adapters
 * exist for Jedis ({@link JedisRedisPort}) and, in identity-consumer, for the Quarkus Redis client; an adapter may
 * send the script once (SCRIPT LOAD) and then only its SHA-1 (EVALSHA), falling back to EVAL on NOSCRIPT.
 */
public interface RedisPort {

    /**
     * Runs {@code script} with {@code KEYS} and {@code ARGV}.
     *
     * @return the reply converted to Java: {@code null} (nil), {@link Long} (integer), {@link String} (bulk or status
     *         string, UTF-8) or a {@link List} of these (array)
     * @throws IdentityCacheException {@link IdentityCacheErrorCode#REDIS_UNAVAILABLE} when Redis cannot be reached
     *         (the caller may retry), {@link IdentityCacheErrorCode#REDIS_ERROR} when Redis answered with an error
     */
    Object eval(String script, List<String> keys, List<String> args);
}
