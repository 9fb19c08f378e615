package dev.tenantfleet.identity.cache.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import redis.clients.jedis.Jedis;

/**
 * A private {@code redis-server} on a random loopback port, as a child process of the test JVM (no persistence), that
 * a test may kill and start again on the same port: for what cannot be done to the shared Redis (an outage, command
 * statistics, SCRIPT FLUSH). {@link #close()} kills it.
 */
public final class RedisServerProcess implements AutoCloseable {
    private final int port;
    private Process process;

    private RedisServerProcess(int port) {
        this.port = port;
    }

    /** Starts a new server on a free port and waits until it answers PING. */
    public static RedisServerProcess start() {
        RedisServerProcess server = new RedisServerProcess(freePort());
        server.startAgain();
        return server;
    }

    /** Starts a new server on {@code port} (e.g. where one was taken down) and waits until it answers PING. */
    public static RedisServerProcess startOn(int port) {
        RedisServerProcess server = new RedisServerProcess(port);
        server.startAgain();
        return server;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, empty) on the same port and waits until it answers PING. */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--daemonize",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (is it on the PATH?)", e);
        }
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> {
                    try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                        return "PONG".equals(jedis.ping());
                    }
                });
    }

    /** Kills the server (SIGKILL, like a crash) and waits until it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing redis-server", e);
        }
        process = null;
    }

    /** Whether the process runs. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** A plain connection to this server; close it. */
    public Jedis connect() {
        return new Jedis("127.0.0.1", port);
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
