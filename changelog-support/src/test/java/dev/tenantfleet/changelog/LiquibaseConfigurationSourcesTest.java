package dev.tenantfleet.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import liquibase.Scope;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.ProvidedValue;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;
import org.junit.jupiter.api.Test;

/** The snapshot-based configuration sources that stand in for Liquibase's own. */
class LiquibaseConfigurationSourcesTest {

    @Test
    void shouldStandInForLiquibasesOwnSourcesOnceLiquibaseSupportIsInitialised() {
        LiquibaseSupport.init();

        LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
        assertThat(configuration.getProviders()).map(ConfigurationValueProvider::getClass)
                .contains(LiquibaseConfigurationSources.SystemProperties.class, LiquibaseConfigurationSources.Environment.class)
                .doesNotContain(SystemPropertyValueProvider.class, EnvironmentValueProvider.class);
    }

    @Test
    void shouldSeeASystemPropertySetAtRunTimeAndItsRemoval() {
        LiquibaseConfigurationSources.SystemProperties source = new LiquibaseConfigurationSources.SystemProperties();
        String key = "tenantfleet.test." + UUID.randomUUID();
        assertThat(source.getProvidedValue(key)).isNull();

        System.setProperty(key, "set-at-run-time");
        try {
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(source.getProvidedValue(key)).isNotNull()
                            .extracting(ProvidedValue::getValue).isEqualTo("set-at-run-time"));
        } finally {
            System.clearProperty(key);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(source.getProvidedValue(key)).isNull());
    }

    @Test
    void shouldAnswerEnvironmentVariablesAsLiquibasesOwnSourceDoes() {
        String name = System.getenv().entrySet().stream().filter(variable -> !variable.getValue().isBlank()).findFirst()
                .orElseThrow().getKey();

        ProvidedValue ours = new LiquibaseConfigurationSources.Environment().getProvidedValue(name);
        ProvidedValue liquibases = new EnvironmentValueProvider().getProvidedValue(name);

        assertThat(ours).isNotNull();
        assertThat(ours.getValue()).isEqualTo(liquibases.getValue()).isEqualTo(System.getenv(name));
    }
}
