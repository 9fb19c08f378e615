package dev.tenantfleet.model.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

class PostgresDatabaseTest {

    @Test
    void shouldKeepDriverParametersHiddenInTheHostOrDatabaseOutOfTheConnection() {
        PostgresDatabase database = new PostgresDatabase(
                "127.0.0.1:5432/postgres?socketFactory=org.example.Evil&loggerFile=/tmp/x",
                5432,
                "crm?sslfactory=org.example.Evil");
        Properties given = database.connectionProperties();
        given.setProperty("user", "acme_owner");

        Properties parsed = Driver.parseURL(PostgresDatabase.URL, given);

        assertThat(parsed).isNotNull();
        assertThat(parsed.getProperty("PGHOST")).isEqualTo(database.host());
        assertThat(parsed.getProperty("PGDBNAME")).isEqualTo(database.database());
        assertThat(parsed.getProperty("PGPORT")).isEqualTo("5432");
        assertThat(parsed.stringPropertyNames()).doesNotContain("socketFactory", "loggerFile", "sslfactory");
    }

    @Test
    void shouldNameServerAndDatabaseForTheDriver() {
        Properties parsed = Driver.parseURL(
                PostgresDatabase.URL, new PostgresDatabase("db.example.com", 6432, "tf_acme").connectionProperties());

        assertThat(parsed.getProperty("PGHOST")).isEqualTo("db.example.com");
        assertThat(parsed.getProperty("PGPORT")).isEqualTo("6432");
        assertThat(parsed.getProperty("PGDBNAME")).isEqualTo("tf_acme");
    }
}
