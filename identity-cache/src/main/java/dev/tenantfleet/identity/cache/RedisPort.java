package dev.tenantfleet.identity.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /**
     * Runs several scripts, in order, each atomic on its own; an adapter that can pipeline sends them in one round
     * trip. This default runs them one by one.
     *
     * @return one reply per call, in order: its value, or the {@link IdentityCacheErrorCode#REDIS_ERROR} Redis
     *         answered to that call alone
     * @throws IdentityCacheException {@link IdentityCacheErrorCode#REDIS_UNAVAILABLE} when Redis cannot be reached;
     *         some calls may have run by then, so the scripts must be safe to run again
     */
    default List<Reply> evalAll(List<ScriptCall> calls) {
        List<Reply> replies = new ArrayList<>(calls.size());
        for (ScriptCall call : calls) {
            try {
                replies.add(Reply.of(eval(call.script(), call.keys(), call.args())));
            } catch (IdentityCacheException e) {
                if (e.isTransient()) {
                    throw e;
                }
                replies.add(Reply.failed(e));
            }
        }
        return replies;
    }

    /**
     * One script run.
     *
     * @param script the Lua source
     * @param keys   its {@code KEYS}
     * @param args   its {@code ARGV}
     */
    record ScriptCall(String script, List<String> keys, List<String> args) {
        public ScriptCall {
            Objects.requireNonNull(script, "script");
            keys = List.copyOf(keys);
            args = List.copyOf(args);
        }
    }

    /**
     * The reply to one {@link ScriptCall}: a value as {@link #eval} returns it, or the error Redis answered.
     *
     * @param value the converted reply (null for nil or when {@code error} is set)
     * @param error the error reply, or null
     */
    record Reply(Object value, IdentityCacheException error) {
        /** A successful reply. */
        public static Reply of(Object value) {
            return new Reply(value, null);
        }

        /** A refused call. */
        public static Reply failed(IdentityCacheException error) {
            return new Reply(null, Objects.requireNonNull(error, "error"));
        }
    }
}
