package dev.tenantfleet.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.model.observability.TenantLogContext;
import io.quarkus.logging.json.runtime.JsonFormatter;
import java.io.InputStream;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A configuration check, not a running application (migration-worker's JsonLoggingTest starts one with LOG_JSON=true):
 * LOG_JSON switches the console to JSON, defaulting to text, and a record logged while an identity event of a tenant is
 * handled, formatted by the configured text pattern or by quarkus-logging-json's formatter, names the tenant.
 */
class LoggingConfigTest {
    private final Properties properties = new Properties();
    private final UUID tenantId = UUID.randomUUID();

    @BeforeEach
    void loadConfiguration() throws Exception {
        try (InputStream in = LoggingConfigTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
    }

    @Test
    void logJsonSwitchesTheConsoleToTheJsonFormatterAndDefaultsToText() {
        assertThat(properties.getProperty("quarkus.log.console.json.enabled")).isEqualTo("${LOG_JSON:false}");

        String line = new PatternFormatter(properties.getProperty("quarkus.log.console.format")).format(record());

        assertThat(line).contains("INFO", "[" + tenantId + "]", "user-created applied");
    }

    @Test
    void aJsonLineIsOneObjectWithTheTenantInItsMdc() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonFormatter().format(record()));

        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("message").asText()).isEqualTo("user-created applied");
        assertThat(json.path("mdc").path("tenantId").asText()).isEqualTo(tenantId.toString());
    }

    /** A record logged inside the log context of the tenant whose event is handled. */
    private ExtLogRecord record() {
        ExtLogRecord record = new ExtLogRecord(
                Level.INFO, "%s applied", ExtLogRecord.FormatStyle.PRINTF, LoggingConfigTest.class.getName());
        record.setParameters(new Object[] {"user-created"});
        record.setLoggerName("dev.tenantfleet.identity.event.IdentityEventHandler");
        try (TenantLogContext log = TenantLogContext.tenantId(tenantId)) {
            record.copyMdc();
        }
        return record;
    }
}
