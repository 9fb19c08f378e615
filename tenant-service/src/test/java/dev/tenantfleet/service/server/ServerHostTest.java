package dev.tenantfleet.service.server;

import static dev.tenantfleet.service.support.Api.authenticated;
import static dev.tenantfleet.service.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.RegisteredTenants;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database server's host ends up in every connection to its tenants (issue 13, defect 7): only a hostname or an IP
 * literal is accepted, never anything a JDBC URL would read as a port, a database or a driver parameter.
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class ServerHostTest {
    private static final String PREFIX = "host-test-";

    @AfterEach
    void deleteServers() {
        RegisteredTenants.update("DELETE FROM database_server WHERE name LIKE '" + PREFIX + "%'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1:5432/postgres?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext",
                "db.example.com?sslfactory=org.example.Evil",
                "db.example.com&loggerFile=/tmp/x",
                "db.example.com/other",
                "db.example.com:6543",
                "db.example.com,evil.example.com",
                "db example.com",
                "-db.example.com",
                "db..example.com",
                "db.example.com#",
                "user@db.example.com",
                "[::1]",
                "::1:5432/x",
                "db.example.com\r\nX: y",
                "h\u00e9te.example.com",
                "a12345678901234567890123456789012345678901234567890123456789012345.example.com",
                "%2F",
                ".",
                ""
            })
    void shouldRejectAHostThatIsNeitherAHostnameNorAnIpLiteral(String host) {
        Response response = authenticated().body(server(host)).post("/api/servers");

        assertThat(assertProblem(response, 400)).isEqualTo("INVALID_REQUEST");
        assertThat((String) response.path("detail")).contains("host");
        String name = authenticated()
                .body(server("db.example.com"))
                .post("/api/servers")
                .then()
                .statusCode(201)
                .extract()
                .path("name");
        Response update = authenticated().body(server(host)).put("/api/servers/" + name);
        assertThat(assertProblem(update, 400)).isEqualTo("INVALID_REQUEST");
        authenticated()
                .get("/api/servers/" + name)
                .then()
                .statusCode(200)
                .body("host", Matchers.equalTo("db.example.com"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "db.example.com",
                "postgres",
                "tenant-db-1.internal",
                "db.example.com.",
                "10.0.0.12",
                "::1",
                "2001:db8::5",
                "fe80::1:2:3:4",
                "pg_primary"
            })
    void shouldAcceptAHostnameOrAnIpLiteral(String host) {
        authenticated()
                .body(server(host))
                .post("/api/servers")
                .then()
                .statusCode(201)
                .body("host", Matchers.equalTo(host));
    }

    private static Map<String, Object> server(String host) {
        return Map.of(
                "name",
                PREFIX + UUID.randomUUID().toString().substring(0, 8),
                "host",
                host,
                "port",
                5432,
                "adminCredentialsRef",
                "local");
    }
}
