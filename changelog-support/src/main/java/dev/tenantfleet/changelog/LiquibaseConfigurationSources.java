package dev.tenantfleet.changelog;

import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import liquibase.Scope;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;

/**
 * Liquibase's system-property and environment configuration sources, without their cost. Liquibase looks up its
 * settings thousands of times per command, and for every lookup its system-property source copies all system
 * properties and hashes them (to notice changes), and its environment source hashes the environment: 36 % of the
 * migration-worker's CPU during a release (bench/README.md, profile). These answer the same values from a snapshot:
 * the environment never changes in a running JVM; system properties are copied again when the snapshot is a second
 * old, so a property set at run time takes effect within a second instead of at once.
 */
final class LiquibaseConfigurationSources {

    private LiquibaseConfigurationSources() {}

    // Liquibase keeps a root scope, and so a configuration, per thread that started without one (its scope manager is
    // an inheritable thread-local): each is set up once.
    private static final Map<LiquibaseConfiguration, Boolean> SET_UP = Collections.synchronizedMap(new WeakHashMap<>());

    /** Replaces Liquibase's two sources by these in the configuration of the current thread's Liquibase scope. */
    static void install() {
        LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
        if (SET_UP.putIfAbsent(configuration, Boolean.TRUE) != null) {
            return;
        }
        ConfigurationValueProvider[] providers =
                configuration.getProviders().toArray(ConfigurationValueProvider[]::new);
        for (ConfigurationValueProvider provider : providers) {
            if (provider.getClass() == SystemPropertyValueProvider.class) {
                configuration.unregisterProvider(provider);
                configuration.registerProvider(new SystemProperties());
            } else if (provider.getClass() == EnvironmentValueProvider.class) {
                configuration.unregisterProvider(provider);
                configuration.registerProvider(new Environment());
            }
        }
    }

    /** System properties from a copy renewed once a second. */
    static final class SystemProperties extends SystemPropertyValueProvider {
        private static final long RENEW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

        private record Snapshot(Map<?, ?> properties, int hash, long takenAt) {
            static Snapshot take() {
                Properties copy = (Properties) System.getProperties().clone();
                return new Snapshot(copy, copy.hashCode(), System.nanoTime());
            }
        }

        private volatile Snapshot snapshot = Snapshot.take();

        @Override
        protected Map<?, ?> getMap() {
            return current().properties();
        }

        @Override
        protected int getMapHash() {
            return current().hash();
        }

        private Snapshot current() {
            Snapshot current = snapshot;
            if (System.nanoTime() - current.takenAt() > RENEW_AFTER_NANOS) {
                current = Snapshot.take();
                snapshot = current;
            }
            return current;
        }
    }

    /** The environment, whose hash is computed once: it cannot change while the JVM runs. */
    static final class Environment extends EnvironmentValueProvider {
        private final int hash = super.getMapHash();

        @Override
        protected int getMapHash() {
            return hash;
        }
    }
}
