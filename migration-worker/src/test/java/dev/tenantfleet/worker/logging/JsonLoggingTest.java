package dev.tenantfleet.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.model.observability.TenantLogContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

/** LOG_JSON=true switches the console to the JSON formatter, with the release id and tenant slug in "mdc". */
@QuarkusTest
@TestProfile(JsonLoggingTest.JsonLogs.class)
class JsonLoggingTest {

    /** The application as started with {@code LOG_JSON=true} in its environment. */
    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("LOG_JSON", "true");
        }
    }

    @Test
    void withLogJsonTheConsoleWritesJsonObjectsCarryingTheMdc() throws Exception {
        Handler console = consoleHandler(
                        LogContext.getLogContext().getLogger("").getHandlers())
                .orElseThrow();
        assertThat(console.getFormatter().getClass().getName())
                .isEqualTo("io.quarkus.logging.json.runtime.JsonFormatter");

        UUID releaseId = UUID.randomUUID();
        ExtLogRecord record = new ExtLogRecord(
                Level.INFO, "migrated", ExtLogRecord.FormatStyle.NO_FORMAT, JsonLoggingTest.class.getName());
        record.setLoggerName("dev.tenantfleet.worker.migrate.MigrateTenantHandler");
        try (TenantLogContext log = TenantLogContext.of(releaseId, "acme-json")) {
            record.copyMdc();
        }
        JsonNode line = new ObjectMapper().readTree(console.getFormatter().format(record));

        assertThat(line.path("message").asText()).isEqualTo("migrated");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("loggerName").asText()).isEqualTo("dev.tenantfleet.worker.migrate.MigrateTenantHandler");
        assertThat(line.path("mdc").path("releaseId").asText()).isEqualTo(releaseId.toString());
        assertThat(line.path("mdc").path("tenantSlug").asText()).isEqualTo("acme-json");
    }

    /** The console handler, wherever Quarkus nested it (delayed and async handlers wrap the real ones). */
    private static Optional<Handler> consoleHandler(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler) {
                return Optional.of(handler);
            }
            if (handler instanceof ExtHandler nesting) {
                Optional<Handler> nested = consoleHandler(nesting.getHandlers());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }
}
