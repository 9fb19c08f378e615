package dev.tenantfleet.deploy.program;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a Quarkus service listens and answers, from its application.properties and the environment a deployment
 * gives it: the HTTP port, the SmallRye Health paths, the Prometheus path, and the queues it consumes.
 */
public record QuarkusHttp(ApplicationProperties properties) {
    private static final Pattern INCOMING_QUEUE = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.queue\\.name");
    private static final Pattern SHUTDOWN_TIMEOUT =
            Pattern.compile("smallrye\\.messaging\\.worker\\.[^.]+\\.shutdown-timeout");

    /** quarkus.http.port with this environment (Quarkus' own default 8080 if the file sets none). */
    public int port(Map<String, String> env) {
        return Integer.parseInt(
                properties.resolve("quarkus.http.port", env).orElse("8080").trim());
    }

    /** A SmallRye Health path: {@code kind} is "" (all), "ready", "live" or "started". */
    public String healthPath(String kind, Map<String, String> env) {
        String root = underNonApplicationRoot(
                properties.resolve("quarkus.smallrye-health.root-path", env).orElse("health"));
        return kind.isEmpty() ? root : root + "/" + kind;
    }

    /** Where Prometheus scrapes (Quarkus Micrometer's default /q/metrics unless the file moves it). */
    public String metricsPath(Map<String, String> env) {
        return underNonApplicationRoot(properties
                .resolve("quarkus.micrometer.export.prometheus.path", env)
                .orElse("metrics"));
    }

    /** Names of the queues the service consumes (the production profile's). */
    public Set<String> incomingQueues() {
        Set<String> queues = new TreeSet<>();
        properties.keys().stream()
                .filter(key -> INCOMING_QUEUE.matcher(key).matches())
                .forEach(key -> properties.resolve(key, Map.of()).ifPresent(queues::add));
        return queues;
    }

    /** The longest time (ms) a messaging worker pool is given to finish on shutdown, 0 if none is configured. */
    public long longestShutdownMillis() {
        return properties.keys().stream()
                .filter(key -> SHUTDOWN_TIMEOUT.matcher(key).matches())
                .map(key -> properties.resolve(key, Map.of()).orElse("0"))
                .mapToLong(value -> Long.parseLong(value.trim()))
                .max()
                .orElse(0);
    }

    // A relative path is under quarkus.http.non-application-root-path (/q); an absolute one stands on its own.
    private String underNonApplicationRoot(String path) {
        String root = properties
                .resolve("quarkus.http.non-application-root-path", Map.of())
                .orElse("/q");
        return path.startsWith("/") ? path : root.replaceAll("/$", "") + "/" + path;
    }
}
