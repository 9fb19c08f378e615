package dev.tenantfleet.tenantctl.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenantfleet.model.envelope.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A tiny stand-in for tenant-service's REST API on a JDK {@link HttpServer}: routes by method and path regex,
 * records every request. Unrouted requests get a 404 problem.
 */
public final class FakeApi implements AutoCloseable, AfterEachCallback {
    public static final String TOKEN = "test-token";
    private static final ObjectMapper MAPPER = Json.mapper();

    /** A request as received. */
    public record Request(
            String method, String path, String query, Map<String, List<String>> headers, String body, Matcher match) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** An answer to send. */
    public record Answer(int status, String contentType, String body) {}

    private record Route(String method, Pattern path, Function<Request, Answer> handler) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Registered with {@code @RegisterExtension}: stopped after each test. */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** The environment of a tenantctl run pointed at this stand-in, with its token and an actor. */
    public Map<String, String> env() {
        return Map.of("TENANTFLEET_URL", url(), "SYSTEM_API_TOKEN", TOKEN, "TENANTFLEET_ACTOR", "ops@example.com");
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Routes {@code method} + a path regex (groups available to the handler); later routes win. */
    public FakeApi on(String method, String pathRegex, Function<Request, Answer> handler) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long count(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .count();
    }

    public static Answer json(int status, Object body) {
        try {
            return new Answer(
                    status, "application/json", body instanceof String text ? text : MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Answer problem(int status, String code, String detail, String hint) {
        return new Answer(
                status,
                "application/problem+json",
                "{\"type\":\"https://tenantfleet.dev/problems/"
                        + code.toLowerCase().replace('_', '-') + "\",\"title\":\"Error\",\"status\":" + status
                        + ",\"detail\":" + quote(detail) + ",\"code\":\"" + code + "\",\"hint\":" + quote(hint) + "}");
    }

    private static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Answer answer = null;
        Request request = null;
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer = problem(
                    401,
                    "UNAUTHENTICATED",
                    "missing or wrong bearer token",
                    "Send Authorization: Bearer " + "<SYSTEM_API_TOKEN>.");
        }
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (route.method().equals(method) && matcher.matches()) {
                request = new Request(
                        method,
                        path,
                        exchange.getRequestURI().getRawQuery(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        body,
                        matcher);
                if (answer == null) {
                    try {
                        answer = route.handler().apply(request);
                    } catch (RuntimeException e) {
                        answer = problem(500, "INTERNAL", String.valueOf(e), "test double failed");
                    }
                }
                break;
            }
        }
        if (request == null) {
            request = new Request(
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    null);
            if (answer == null) {
                answer = problem(404, "NOT_FOUND", "no route " + method + " " + path, "test double");
            }
        }
        requests.add(request);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
