package dev.tenantfleet.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.model.observability.TenantLogContext;
import dev.tenantfleet.service.adoption.AdoptionRequest;
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
 * LOG_JSON switches the console to JSON, and a record logged during a release's work, formatted by the configured text
 * pattern or by quarkus-logging-json's formatter, carries the release id and tenant slug and never the password of
 * what it logs.
 */
class LoggingConfigTest {
    private static final String PASSWORD = "s3cret-" + UUID.randomUUID();

    private final Properties properties = new Properties();
    private final UUID releaseId = UUID.randomUUID();

    @BeforeEach
    void loadConfiguration() throws Exception {
        try (InputStream in = LoggingConfigTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
    }

    @Test
    void logJsonSwitchesTheConsoleToJsonAndTheTextFormatShowsReleaseAndTenant() {
        assertThat(properties.getProperty("quarkus.log.console.json.enabled")).isEqualTo("${LOG_JSON:false}");

        String line = new PatternFormatter(properties.getProperty("quarkus.log.console.format")).format(record());

        assertThat(line)
                .contains("INFO", "[" + releaseId + " acme-logs]", "adopting AdoptionRequest[slug=acme-logs")
                .doesNotContain(PASSWORD);
    }

    @Test
    void aJsonLineIsOneObjectWithTheMdcAndWithoutThePassword() throws Exception {
        String line = new JsonFormatter().format(record());

        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("message").asText()).startsWith("adopting AdoptionRequest[slug=acme-logs");
        assertThat(json.path("mdc").path("releaseId").asText()).isEqualTo(releaseId.toString());
        assertThat(json.path("mdc").path("tenantSlug").asText()).isEqualTo("acme-logs");
        assertThat(line).doesNotContain(PASSWORD);
    }

    /** What the application logs with parameters: a request that holds a password, inside a release's log context. */
    private ExtLogRecord record() {
        AdoptionRequest request =
                new AdoptionRequest("acme-logs", "Acme", null, "crm_acme", "acme_owner", PASSWORD, null, null);
        ExtLogRecord record = new ExtLogRecord(
                Level.INFO, "adopting %s", ExtLogRecord.FormatStyle.PRINTF, LoggingConfigTest.class.getName());
        record.setParameters(new Object[] {request});
        record.setLoggerName("dev.tenantfleet.service.adoption.Adoption");
        try (TenantLogContext log = TenantLogContext.of(releaseId, "acme-logs")) {
            record.copyMdc();
        }
        return record;
    }
}
