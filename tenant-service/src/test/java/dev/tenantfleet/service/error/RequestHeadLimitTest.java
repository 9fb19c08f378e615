package dev.tenantfleet.service.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A request line or headers beyond the API's limits (issue 13, defect 6): a 414 or 431 problem with a code and a hint,
 * also for what the HTTP server's own default limits used to answer with a bare status. Sent over a raw socket, so the
 * test sees exactly what a client gets, body or none.
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class RequestHeadLimitTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void shouldAnswer431WithAProblemForHeadersBeyondTheLimit() throws IOException {
        String answer = send("GET /api/tenants HTTP/1.1\r\n" + headers("X-Padding: " + "p".repeat(24 * 1024)));

        assertThat(answer)
                .startsWith("HTTP/1.1 431")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"HEADERS_TOO_LARGE\"", "\"hint\"", "\"status\":431");
    }

    @Test
    void shouldAnswer431WithAProblemForManySmallHeadersBeyondTheLimit() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            many.append("X-Header-")
                    .append(i)
                    .append(": ")
                    .append("v".repeat(60))
                    .append("\r\n");
        }

        String answer =
                send("GET /api/tenants HTTP/1.1\r\n" + headers(many.toString().strip()));

        assertThat(answer).startsWith("HTTP/1.1 431").contains("\"code\":\"HEADERS_TOO_LARGE\"");
    }

    @Test
    void shouldAnswer414WithAProblemForAQueryStringBeyondTheLimit() throws IOException {
        String answer = send("GET /api/tenants?status=" + "A".repeat(20 * 1024) + " HTTP/1.1\r\n" + headers(null));

        assertThat(answer)
                .startsWith("HTTP/1.1 414")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"URI_TOO_LONG\"", "\"hint\"");
    }

    @Test
    void shouldStillAnswerOrdinaryHeadersOfAFewKilobytes() throws IOException {
        String answer = send("GET /api/servers HTTP/1.1\r\n" + headers("Cookie: " + "c".repeat(6 * 1024)));

        assertThat(answer).startsWith("HTTP/1.1 200");
    }

    /**
     * Beyond the HTTP server's own hard limits (64 KiB request line, 64 KiB headers) no handler of the service runs:
     * Vert.x's decoder answers the bare status and closes the connection (docs/rest-api.md, Limits, says why). Still
     * never a 5xx, never a hang.
     */
    @Test
    void shouldRefuseBeyondTheServersHardLimitsWithTheStatusAndClose() throws IOException {
        // (HTTP/1.0 or 1.1: the decoder may give up before it has read the version)
        assertThat(send("GET /api/tenants?q=" + "a".repeat(70 * 1024) + " HTTP/1.1\r\n" + headers(null)))
                .matches("(?s)HTTP/1\\.[01] 414 .*");
        assertThat(send("GET /api/tenants HTTP/1.1\r\n" + headers("X-Padding: " + "p".repeat(70 * 1024))))
                .matches("(?s)HTTP/1\\.[01] 431 .*");
    }

    private static String headers(String extra) {
        return "Host: localhost\r\nAuthorization: Bearer " + Api.TOKEN + "\r\nConnection: close\r\n"
                + (extra == null ? "" : extra + "\r\n") + "\r\n";
    }

    /** Sends {@code request} and reads the answer until the server closes the connection (Connection: close). */
    private String send(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no end of the answer in 15 s; so far: " + answer, e);
            } catch (IOException e) {
                // a reset after the answer (the server closed with request bytes unread): what was read is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
