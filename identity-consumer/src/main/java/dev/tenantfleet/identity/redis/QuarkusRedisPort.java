package dev.tenantfleet.identity.redis;

import dev.tenantfleet.identity.cache.IdentityCacheErrorCode;
import dev.tenantfleet.identity.cache.IdentityCacheException;
import dev.tenantfleet.identity.cache.LuaScripts;
import dev.tenantfleet.identity.cache.RedisPort;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link RedisPort} over the Quarkus Redis client (blocking {@link RedisDataSource}, called from worker threads). Sends
 * each script's SHA-1 (EVALSHA) and the whole script only when Redis does not know it (NOSCRIPT, e.g. after a restart).
 * Error replies become {@link IdentityCacheErrorCode#REDIS_ERROR}; anything else (refused connection, timeout, closed
 * connection, LOADING/BUSY) {@link IdentityCacheErrorCode#REDIS_UNAVAILABLE}, which the consumer retries.
 */
@ApplicationScoped
public class QuarkusRedisPort implements RedisPort {
    private final RedisDataSource redis;
    private final Redis pipeline;
    private final Duration timeout;
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    public QuarkusRedisPort(
            RedisDataSource redis,
            Redis pipeline,
            @ConfigProperty(name = "quarkus.redis.timeout", defaultValue = "PT10S") Duration timeout) {
        this.redis = redis;
        this.pipeline = pipeline;
        this.timeout = timeout;
    }

    /**
     * Pipelines the calls (EVALSHA each) in one round trip. When Redis answers any of them with an error (NOSCRIPT after
     * a restart or a SCRIPT FLUSH, or a refused script), the Vert.x client fails the whole batch; then the batch runs
     * again one call at a time, which loads missing scripts and pins the error on its own call. Running a call twice
     * is safe ({@link RedisPort#evalAll}); for the version-checked scripts it only means that a call which had
     * already succeeded in the failed batch is answered as a duplicate the second time.
     */
    @Override
    public List<Reply> evalAll(List<ScriptCall> calls) {
        if (calls.size() < 2) {
            return RedisPort.super.evalAll(calls);
        }
        List<Request> requests = new ArrayList<>(calls.size());
        for (ScriptCall call : calls) {
            Request request = Request.cmd(io.vertx.mutiny.redis.client.Command.EVALSHA)
                    .arg(shas.computeIfAbsent(call.script(), LuaScripts::sha1))
                    .arg(call.keys().size());
            call.keys().forEach(request::arg);
            call.args().forEach(request::arg);
            requests.add(request);
        }
        List<Response> responses;
        try {
            responses = pipeline.batch(requests).await().atMost(timeout);
        } catch (RuntimeException e) {
            IdentityCacheException failure = classify(e);
            if (failure.isTransient()) {
                throw failure;
            }
            return RedisPort.super.evalAll(calls);
        }
        List<Reply> replies = new ArrayList<>(responses.size());
        responses.forEach(response -> replies.add(Reply.of(convert(response))));
        return replies;
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
        if (reply.isEmpty()
                || reply.startsWith("LOADING")
                || reply.startsWith("BUSY")
                || reply.startsWith("TRYAGAIN")
                || reply.startsWith("MASTERDOWN")) {
            return new IdentityCacheException(
                    IdentityCacheErrorCode.REDIS_UNAVAILABLE, "Redis is unavailable: " + describe(e), e);
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
