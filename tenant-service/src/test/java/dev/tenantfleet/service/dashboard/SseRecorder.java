package dev.tenantfleet.service.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** An open server-sent-events stream whose {@code data:} lines are recorded as they arrive, in the background. */
final class SseRecorder implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Thread reader;

    private SseRecorder(URI uri, String token) {
        reader = new Thread(() -> read(uri, token), "sse-recorder");
        reader.setDaemon(true);
        reader.start();
    }

    static SseRecorder open(URI uri, String token) {
        return new SseRecorder(uri, token);
    }

    /** The HTTP status of a stream request with {@code token}. */
    static int statusOf(URI uri, String token) throws IOException, InterruptedException {
        HttpResponse<Void> response =
                HttpClient.newHttpClient().send(request(uri, token), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    private void read(URI uri, String token) {
        try {
            HttpResponse<Stream<String>> response =
                    client.send(request(uri, token), HttpResponse.BodyHandlers.ofLines());
            response.body().filter(line -> line.startsWith("data:")).forEach(lines::add);
        } catch (IOException | InterruptedException | UncheckedIOException e) {
            // closed by the test, or the server went away: what arrived is in lines
        }
    }

    private static HttpRequest request(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
    }

    @Override
    public void close() {
        reader.interrupt(); // a daemon thread: it ends with the test JVM at the latest
    }
}
