package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tenantfleet.tenantctl.CliException;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * tenant-service's REST API, as tenantctl uses it: {@link HttpClient} + Jackson, bearer token and actor header on
 * every call. Errors come back as {@link ApiProblemException} (an error status, with its problem+json) or
 * {@link ApiUnreachableException} (no answer).
 */
public final class ApiClient {
    /** Tolerant reader for API answers: unknown properties and unknown enum names do not fail. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    private final String actor;
    private final HttpClient http;

    public ApiClient(Settings settings) {
        if (settings.apiToken() == null) {
            throw new CliException(
                    ExitCodes.USAGE,
                    Settings.SYSTEM_API_TOKEN + " is not set: tenant-service's REST API needs its bearer token");
        }
        this.base = settings.apiUrl();
        this.token = settings.apiToken();
        this.actor = settings.actor();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The base URL. */
    public URI base() {
        return base;
    }

    /** {@code GET /api/releases/{id}}: the release view. */
    public JsonNode release(UUID id) {
        return get("/api/releases/" + id);
    }

    /** {@code GET path}. */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** {@code POST path} with a JSON body (null = no body). */
    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    /**
     * {@code POST path} with a body already encoded as {@code contentType} (a CSV file, say), waiting up to
     * {@code timeout} for the answer: an import validates every row before it answers.
     */
    public JsonNode post(String path, String contentType, byte[] body, Duration timeout) {
        HttpRequest.Builder builder = request(path, timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return exchange(builder, "POST " + path);
    }

    /** Reads an answer into a record. */
    public static <T> T read(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CliException(
                    ExitCodes.UNEXPECTED,
                    "cannot read tenant-service's answer as " + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** URL-encodes a query parameter value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("X-Tenantfleet-Actor", actor)
                .header("Accept", "application/json, application/problem+json");
    }

    private JsonNode send(String method, String path, Object body) {
        String request = method + " " + path;
        HttpRequest.Builder builder = request(path, REQUEST_TIMEOUT);
        if (body != null) {
            try {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the request body", e);
            }
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(builder, request);
    }

    private JsonNode exchange(HttpRequest.Builder builder, String request) {
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiUnreachableException(base, request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.UNEXPECTED, "interrupted during " + request, e);
        }
        String text = response.body();
        if (response.statusCode() >= 400) {
            throw new ApiProblemException(response.statusCode(), problem(text), request, text);
        }
        if (text == null || text.isBlank()) {
            return MAPPER.nullNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CliException(
                    ExitCodes.UNEXPECTED,
                    "tenant-service answered " + request + " with " + response.statusCode()
                            + " but a body that is not JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    private static Problem problem(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject() || !(node.has("detail") || node.has("code") || node.has("title"))) {
                return null;
            }
            return MAPPER.treeToValue(node, Problem.class);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
