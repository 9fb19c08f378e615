package dev.tenantfleet.identity.support;

import dev.tenantfleet.identity.cache.support.RedisServerProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.SaveMode;

/**
 * Points the test application at a private redis-server on a random port (child process, no persistence) that a test
 * may take down and bring back; the shared Redis on 6379 is never stopped. Stops the server when the application does.
 */
public class PrivateRedis implements QuarkusTestResourceLifecycleManager {
    private RedisServerProcess server;

    @Override
    public Map<String, String> start() {
        server = RedisServerProcess.start();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            shutdown(server.port()); // a server the test started again on the same port
            server.close();
        }
    }

    /** Stops whatever redis-server listens on {@code port} (SHUTDOWN NOSAVE), as a crash would, from the client side. */
    public static void shutdown(int port) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.shutdown(SaveMode.NOSAVE);
        } catch (RuntimeException e) {
            // already down, or the server closed the connection while shutting down: both mean it is gone
        }
    }
}
