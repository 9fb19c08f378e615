package dev.tenantfleet.identity.redis;

import dev.tenantfleet.identity.cache.IdentityCacheErrorCode;
import dev.tenantfleet.identity.cache.IdentityCacheException;
import dev.tenantfleet.identity.cache.LuaScripts;
import dev.tenantfleet.identity.cache.RedisPort;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RedisPort} over the Quarkus Redis client (blocking {@link RedisDataSource}, called from worker threads). Sends
 * each script's SHA-1 (EVALSHA) and the whole script only when Redis does not know it (NOSCRIPT, e.g. after a restart).
 * Error replies become {@link IdentityCacheErrorCode#REDIS_ERROR}; anything else (refused connection, timeout, closed
 * connection, LOADING/BUSY) {@link IdentityCacheErrorCode#REDIS_UNAVAILABLE}, which the consumer retries.
 */
@ApplicationScoped
public class QuarkusRedisPort implements RedisPort {
    private final RedisDataSource redis;
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    public QuarkusRedisPort(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Object eval(String script, List<String> keys, List<String> args) {
        String[] command = new String[2 + keys.size() + args.size()];
        command[0] = shas.computeIfAbsent(script, LuaScripts::sha1);
        command[1] = Integer.toString(keys.size());
        int i = 2;
        for (String key : keys) {
            command[i++] = key;
        }
        for (String arg : args) {
            command[i++] = arg;
        }
        try {
            return convert(redis.execute(Command.EVALSHA, command));
        } catch (RuntimeException e) {
            if (!errorReply(e).startsWith("NOSCRIPT")) {
                throw classify(e);
            }
        }
        command[0] = script;
        try {
            return convert(redis.execute(Command.EVAL, command));
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    private static IdentityCacheException classify(RuntimeException e) {
        String reply = errorReply(e);
        if (reply.isEmpty() || reply.startsWith("LOADING") || reply.startsWith("BUSY") || reply.startsWith("TRYAGAIN")
                || reply.startsWith("MASTERDOWN")) {
            return new IdentityCacheException(IdentityCacheErrorCode.REDIS_UNAVAILABLE,
                    "Redis is unavailable: " + describe(e), e);
        }
        return new IdentityCacheException(IdentityCacheErrorCode.REDIS_ERROR, "Redis refused a script: " + reply, e);
    }

    /** The text of the Redis error reply in {@code e}'s causes, or "" when the failure is not an error reply. */
    private static String errorReply(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.redis.client.Response response && response.type() == ResponseType.ERROR) {
                return String.valueOf(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return "";
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static Object convert(Response response) {
        if (response == null) {
            return null;
        }
        return switch (response.type()) {
            case NUMBER -> response.toLong();
            case BOOLEAN -> response.toBoolean() ? 1L : null;
            case MULTI, PUSH -> {
                List<Object> values = new ArrayList<>(response.size());
                for (int i = 0; i < response.size(); i++) {
                    values.add(convert(response.get(i)));
                }
                yield values;
            }
            default -> response.toString();
        };
    }
}
