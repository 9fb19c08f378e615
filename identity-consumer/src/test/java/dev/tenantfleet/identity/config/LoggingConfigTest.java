package dev.tenantfleet.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A configuration check, not a running application: LOG_JSON switches the console to JSON as in migration-worker,
 * whose JsonLoggingTest starts the application with LOG_JSON=true and inspects the console formatter.
 */
class LoggingConfigTest {

    @Test
    void logJsonSwitchesTheConsoleToTheJsonFormatterAndDefaultsToText() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = LoggingConfigTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        assertThat(properties.getProperty("quarkus.log.console.json.enabled")).isEqualTo("${LOG_JSON:false}");
        assertThat(Class.forName("io.quarkus.logging.json.runtime.JsonFormatter")).isNotNull();
    }
}
