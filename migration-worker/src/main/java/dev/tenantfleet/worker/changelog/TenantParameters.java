package dev.tenantfleet.worker.changelog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * The changelog parameters a reusable parse is made with. Built exactly as Liquibase's update command builds them for
 * a tenant, so parsing with them gives what Liquibase itself would parse. Of their values only the
 * {@code database.*} ones come from the tenant's database and may differ between tenants:
 * <ul>
 * <li>those read while parsing are baked into the parsed changesets: they are remembered, and the parse serves only
 * tenants whose database gives the same values ({@link #sameAsParsedWith});</li>
 * <li>those read later, while a command runs (an {@code sqlFile} expands its file then), are answered from the
 * parameters of the tenant being served ({@link #serve}).</li>
 * </ul>
 */
final class TenantParameters extends ChangeLogParameters {
    private static final String DATABASE_PREFIX = "database.";

    /** What a lookup answered while parsing. */
    private record Lookup(boolean present, Object value) {}

    private final Map<String, Lookup> readWhileParsing = new HashMap<>();
    // the database's values alone, without the properties the changelog defines while it is parsed
    private final ChangeLogParameters databaseValues;
    // null while parsing; then the parameters of the tenant this parse serves (one command at a time)
    private ChangeLogParameters serving;
    private volatile boolean answeredFromServedTenant;

    TenantParameters(Database database) {
        super(database);
        addJavaProperties();
        addDefaultFileProperties();
        databaseValues = forCommand(database);
    }

    /** The parameters Liquibase's update command would build for {@code database}. */
    static ChangeLogParameters forCommand(Database database) {
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        parameters.addJavaProperties();
        parameters.addDefaultFileProperties();
        return parameters;
    }

    /** Whether every database value the parse read is the same for the tenant that {@code tenant} was built for. */
    boolean sameAsParsedWith(ChangeLogParameters tenant) {
        for (Map.Entry<String, Lookup> read : readWhileParsing.entrySet()) {
            Lookup parsed = read.getValue();
            if (tenant.hasValue(read.getKey(), null) != parsed.present()
                    || !Objects.equals(tenant.getValue(read.getKey(), null), parsed.value())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a database value was ever read while a command ran: what the changesets then did (and, for an
     * {@code sqlFile} that expands its file in its checksum, their checksums) may differ from tenant to tenant.
     */
    boolean answeredFromServedTenant() {
        return answeredFromServedTenant;
    }

    /** From now on, database values are those of the tenant {@code tenant} was built for. */
    void serve(ChangeLogParameters tenant) {
        this.serving = tenant;
    }

    @Override
    public Object getValue(String key, DatabaseChangeLog changeLog) {
        if (!isDatabaseKey(key)) {
            return super.getValue(key, changeLog);
        }
        if (serving != null) {
            // A changelog may define its own database.* property: only the database's own values are the tenant's.
            if (serving.hasValue(key, null)) {
                answeredFromServedTenant = true;
                return serving.getValue(key, changeLog);
            }
            return super.getValue(key, changeLog);
        }
        remember(key);
        return super.getValue(key, changeLog);
    }

    @Override
    public boolean hasValue(String key, DatabaseChangeLog changeLog) {
        if (!isDatabaseKey(key)) {
            return super.hasValue(key, changeLog);
        }
        if (serving != null) {
            return serving.hasValue(key, null) || super.hasValue(key, changeLog);
        }
        remember(key);
        return super.hasValue(key, changeLog);
    }

    /**
     * Remembers what the database gives {@code key}. Liquibase puts the database's values first, so where the database
     * has one the parse read it; where it has none the parse read the changelog's own property, the same for everyone.
     */
    private void remember(String key) {
        readWhileParsing.computeIfAbsent(
                key.toLowerCase(Locale.ROOT),
                k -> new Lookup(databaseValues.hasValue(k, null), databaseValues.getValue(k, null)));
    }

    private static boolean isDatabaseKey(String key) {
        return key != null && key.regionMatches(true, 0, DATABASE_PREFIX, 0, DATABASE_PREFIX.length());
    }
}
