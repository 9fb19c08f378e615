package dev.tenantfleet.changelog;

import java.util.HashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Runs Liquibase code in a scope that has the changelog's resource accessor and logs instead of printing to stdout. */
public final class LiquibaseSupport {

    static {
        // No phone-home (the network may be closed, and it is nobody's business) and no banner.
        setIfAbsent("liquibase.analytics.enabled", "false");
        setIfAbsent("liquibase.showBanner", "false");
    }

    private LiquibaseSupport() {}

    /**
     * Applies the Tenant Fleet Liquibase defaults (no analytics, no banner) and its cheaper configuration sources
     * ({@link LiquibaseConfigurationSources}) before Liquibase is first used.
     */
    public static void init() {
        // the static initializer sets the defaults
        LiquibaseConfigurationSources.install();
    }

    /** Something Liquibase runs. */
    @FunctionalInterface
    public interface ScopedCall<T> {
        T call() throws Exception;
    }

    /** Runs {@code call} in a Liquibase scope reading changelog files through {@code accessor}. */
    public static <T> T inScope(ResourceAccessor accessor, ScopedCall<T> call) throws Exception {
        return inScope(accessor, null, call);
    }

    /**
     * Runs {@code call} in a Liquibase scope reading changelog files through {@code accessor}, with {@code database}
     * as the scope's database (checksum version 9 leaves out changes targeted at other databases).
     */
    public static <T> T inScope(ResourceAccessor accessor, Database database, ScopedCall<T> call) throws Exception {
        LiquibaseConfigurationSources.install();
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.resourceAccessor.name(), accessor);
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        if (database != null) {
            values.put(Scope.Attr.database.name(), database);
        }
        return Scope.child(values, call::call);
    }

    /** A PostgreSQL database without a connection: enough to ask Liquibase what it would do on PostgreSQL. */
    public static Database offlinePostgres() {
        init();
        return new PostgresDatabase();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
