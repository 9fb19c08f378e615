package dev.tenantfleet.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.changelog.LiquibaseConfigurationSources.Environment;
import dev.tenantfleet.changelog.LiquibaseConfigurationSources.SystemProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import liquibase.Scope;
import liquibase.SingletonScopeManager;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.ProvidedValue;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/** The snapshot-based configuration sources that stand in for Liquibase's own. */
class LiquibaseConfigurationSourcesTest {

    @Test
    void shouldStandInForLiquibasesOwnSourcesOnceLiquibaseSupportIsInitialised() {
        LiquibaseSupport.init();

        LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
        assertThat(configuration.getProviders())
                .map(ConfigurationValueProvider::getClass)
                .contains(SystemProperties.class, Environment.class)
                .doesNotContain(SystemPropertyValueProvider.class, EnvironmentValueProvider.class);
    }

    @Test
    void shouldStandInAlsoInAThreadWhereLiquibaseStartedAScopeOfItsOwn() throws Exception {
        AtomicReference<List<Class<?>>> providers = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            // As a pool thread created before Liquibase was first used: a root scope, and configuration, of its own.
            Scope.setScopeManager(new SingletonScopeManager());
            try {
                providers.set(LiquibaseSupport.inScope(
                        new ClassLoaderResourceAccessor(),
                        () -> Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class).getProviders().stream()
                                .<Class<?>>map(ConfigurationValueProvider::getClass)
                                .toList()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        thread.join();

        assertThat(providers.get())
                .contains(SystemProperties.class, Environment.class)
                .doesNotContain(SystemPropertyValueProvider.class, EnvironmentValueProvider.class);
    }

    @Test
    void shouldSeeASystemPropertySetAtRunTimeAndItsRemoval() {
        SystemProperties source = new SystemProperties();
        String key = "tenantfleet.test." + UUID.randomUUID();
        assertThat(source.getProvidedValue(key)).isNull();

        System.setProperty(key, "set-at-run-time");
        try {
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(source.getProvidedValue(key))
                            .isNotNull()
                            .extracting(ProvidedValue::getValue)
                            .isEqualTo("set-at-run-time"));
        } finally {
            System.clearProperty(key);
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(source.getProvidedValue(key)).isNull());
    }

    @Test
    void shouldAnswerEnvironmentVariablesAsLiquibasesOwnSourceDoes() {
        String name = System.getenv().entrySet().stream()
                .filter(variable -> !variable.getValue().isBlank())
                .findFirst()
                .orElseThrow()
                .getKey();

        ProvidedValue ours = new Environment().getProvidedValue(name);
        ProvidedValue liquibases = new EnvironmentValueProvider().getProvidedValue(name);

        assertThat(ours).isNotNull();
        assertThat(ours.getValue()).isEqualTo(liquibases.getValue()).isEqualTo(System.getenv(name));
    }
}
