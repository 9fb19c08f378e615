package dev.tenantfleet.worker.changelog;

import java.util.HashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Runs Liquibase code in a scope that has the changelog's resource accessor and logs instead of printing to stdout. */
public final class LiquibaseSupport {

    static {
        // No phone-home from a worker (the network may be closed, and it is nobody's business) and no banner.
        setIfAbsent("liquibase.analytics.enabled", "false");
        setIfAbsent("liquibase.showBanner", "false");
    }

    private LiquibaseSupport() {
    }

    /** Applies the worker's Liquibase defaults (no analytics, no banner) before Liquibase is first used. */
    public static void init() {
        // the static initializer does the work
    }

    /** Something Liquibase runs. */
    @FunctionalInterface
    public interface ScopedCall<T> {
        T call() throws Exception;
    }

    /** Runs {@code call} in a Liquibase scope reading changelog files through {@code accessor}. */
    public static <T> T inScope(ResourceAccessor accessor, ScopedCall<T> call) throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.resourceAccessor.name(), accessor);
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        return Scope.child(values, call::call);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
