package dev.tenantfleet.tenantctl;

import java.net.InetAddress;
import java.net.URI;

/**
 * Where tenant-service and RabbitMQ are and who we are, from the environment (a Kubernetes Job needs nothing
 * else); the connection options of each command override single values.
 *
 * @param apiUrl        tenant-service base URL ({@code TENANTFLEET_URL}, default {@code http://127.0.0.1:8080})
 * @param apiToken      bearer token ({@code SYSTEM_API_TOKEN}); null when unset, checked when a REST call is made
 * @param actor         {@code X-Tenantfleet-Actor} and the release's requestedBy ({@code TENANTFLEET_ACTOR},
 *                      default {@code tenantctl@<hostname>})
 * @param rabbitHost    {@code RABBITMQ_HOST}, default 127.0.0.1
 * @param rabbitPort    {@code RABBITMQ_PORT}, default 5672
 * @param rabbitUser    {@code RABBITMQ_USERNAME}, default guest
 * @param rabbitPassword {@code RABBITMQ_PASSWORD}, default guest
 * @param rabbitVhost   {@code RABBITMQ_VIRTUAL_HOST}, default /
 */
public record Settings(
        URI apiUrl,
        String apiToken,
        String actor,
        String rabbitHost,
        int rabbitPort,
        String rabbitUser,
        String rabbitPassword,
        String rabbitVhost) {

    public static final String TENANTFLEET_URL = "TENANTFLEET_URL";
    public static final String SYSTEM_API_TOKEN = "SYSTEM_API_TOKEN";
    public static final String TENANTFLEET_ACTOR = "TENANTFLEET_ACTOR";
    public static final String RABBITMQ_HOST = "RABBITMQ_HOST";
    public static final String RABBITMQ_PORT = "RABBITMQ_PORT";
    public static final String RABBITMQ_USERNAME = "RABBITMQ_USERNAME";
    public static final String RABBITMQ_PASSWORD = "RABBITMQ_PASSWORD";
    public static final String RABBITMQ_VIRTUAL_HOST = "RABBITMQ_VIRTUAL_HOST";

    /** Settings from the environment, with the given overrides (null = keep the environment's). */
    public static Settings resolve(
            Context ctx, String url, String actor, String rabbitHost, Integer rabbitPort, String rabbitVhost) {
        String apiUrl = first(url, ctx.env(TENANTFLEET_URL), "http://127.0.0.1:8080");
        URI uri;
        try {
            uri = URI.create(apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "TENANTFLEET_URL / --url '" + apiUrl + "' is not an http(s) URL");
        }
        String portText = ctx.env(RABBITMQ_PORT);
        int port;
        if (rabbitPort != null) {
            port = rabbitPort;
        } else {
            try {
                port = portText == null ? 5672 : Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new CliException(ExitCodes.USAGE, "RABBITMQ_PORT '" + portText + "' is not a number");
            }
        }
        if (port < 1 || port > 65535) {
            throw new CliException(ExitCodes.USAGE, "the RabbitMQ port must be 1-65535, not " + port);
        }
        String actorName = first(actor, ctx.env(TENANTFLEET_ACTOR), null);
        if (actorName == null) {
            actorName = "tenantctl@" + hostname(ctx);
        }
        return new Settings(
                uri,
                ctx.env(SYSTEM_API_TOKEN),
                actorName,
                first(rabbitHost, ctx.env(RABBITMQ_HOST), "127.0.0.1"),
                port,
                first(null, ctx.env(RABBITMQ_USERNAME), "guest"),
                first(null, ctx.env(RABBITMQ_PASSWORD), "guest"),
                first(rabbitVhost, ctx.env(RABBITMQ_VIRTUAL_HOST), "/"));
    }

    /** {@code amqp://user@host:port/vhost}, for messages (never the password). */
    public String brokerDescription() {
        return "amqp://" + rabbitUser + "@" + rabbitHost + ":" + rabbitPort + "/"
                + ("/".equals(rabbitVhost) ? "" : rabbitVhost);
    }

    @Override
    public String toString() {
        return "Settings[apiUrl=" + apiUrl + ", apiToken=" + (apiToken == null ? "unset" : "***") + ", actor=" + actor
                + ", broker=" + brokerDescription() + "]";
    }

    private static String first(String flag, String env, String fallback) {
        if (flag != null && !flag.isBlank()) {
            return flag.trim();
        }
        return env != null ? env : fallback;
    }

    private static String hostname(Context ctx) {
        String host = ctx.env("HOSTNAME"); // set in every Kubernetes pod: the pod name
        if (host != null) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
