package dev.tenantfleet.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A configuration check, not a running application: LOG_JSON switches the console to JSON and the text format shows
 * the MDC, as in migration-worker, whose JsonLoggingTest starts the application with LOG_JSON=true and inspects the
 * console formatter it gets.
 */
class LoggingConfigTest {

    @Test
    void logJsonSwitchesTheConsoleToJsonAndTheTextFormatShowsReleaseAndTenant() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = LoggingConfigTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        assertThat(properties.getProperty("quarkus.log.console.json.enabled")).isEqualTo("${LOG_JSON:false}");
        assertThat(properties.getProperty("quarkus.log.console.format")).contains("%X{releaseId}", "%X{tenantSlug}");
        assertThat(Class.forName("io.quarkus.logging.json.runtime.JsonFormatter")).isNotNull();
    }
}
