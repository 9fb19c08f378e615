package dev.tenantfleet.service.adoption;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.jdbc.PostgresDatabase;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.server.DatabaseServer;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks adoption rows against each other and against the registry, in one read-only pass: the server is registered,
 * no slug and no database appears twice in the input or is registered already for something else. A row whose slug is
 * registered for this very database on this very server is already adopted: re-running an import changes nothing.
 */
@ApplicationScoped
class RegistryCheck {
    private static final int CHUNK = 1000;
    private final TenantFleetConfig config;

    RegistryCheck(TenantFleetConfig config) {
        this.config = config;
    }

    /** Where a row's database is. */
    record Target(String serverName, String host, int port) {
        PostgresDatabase database(String name) {
            return new PostgresDatabase(host, port, name);
        }
    }

    /**
     * What the registry says about one row.
     *
     * @param target     where its database is; null when the server is unknown
     * @param registered the tenant already registered for this slug and database, else null
     * @param problems   problems of the row: its own and those found here
     */
    record Verdict(Candidate row, Target target, Registered registered, List<RowProblem> problems) {
        boolean alreadyRegistered() {
            return registered != null && problems.isEmpty();
        }
    }

    /** The parts of an existing tenant a report shows. */
    record Registered(String slug, String status, String schemaHead) {}

    /** The verdict of every row, in order. */
    @Transactional
    List<Verdict> check(List<Candidate> rows) {
        Map<String, Optional<DatabaseServer>> servers = new HashMap<>();
        for (Candidate row : rows) {
            servers.computeIfAbsent(serverName(row), name -> DatabaseServer.findByName(name));
        }
        Map<String, List<Integer>> linesBySlug = group(rows, row -> row.slug());
        Map<String, List<Integer>> linesByDatabase = group(rows, row -> databaseKey(serverName(row), row.database()));
        Map<String, Tenant> bySlug = new HashMap<>();
        Map<String, Tenant> byDatabase = new HashMap<>();
        for (List<String> chunk : chunks(rows.stream()
                .map(Candidate::slug)
                .filter(Objects::nonNull)
                .distinct()
                .toList())) {
            Tenant.<Tenant>list("slug in ?1", chunk).forEach(tenant -> bySlug.put(tenant.slug, tenant));
        }
        for (List<String> chunk : chunks(rows.stream()
                .map(Candidate::database)
                .filter(Objects::nonNull)
                .distinct()
                .toList())) {
            Tenant.<Tenant>list("databaseName in ?1", chunk)
                    .forEach(tenant -> byDatabase.put(databaseKey(tenant.server.name, tenant.databaseName), tenant));
        }
        List<Verdict> verdicts = new ArrayList<>(rows.size());
        for (Candidate row : rows) {
            List<RowProblem> problems = new ArrayList<>(row.problems());
            String serverName = serverName(row);
            DatabaseServer server = servers.get(serverName).orElse(null);
            if (server == null) {
                problems.add(RowProblem.of(
                        TenantErrorCode.SERVER_NOT_FOUND,
                        "server",
                        "no database server named '" + serverName
                                + "' is registered; register it first (POST /api/servers)"));
            }
            others(linesBySlug.get(row.slug()), row.line())
                    .ifPresent(lines -> problems.add(RowProblem.of(
                            TenantErrorCode.DUPLICATE_SLUG,
                            "slug",
                            "slug '" + row.slug() + "' is also on line(s) " + lines)));
            String databaseKey = databaseKey(serverName, row.database());
            others(linesByDatabase.get(databaseKey), row.line())
                    .ifPresent(lines -> problems.add(RowProblem.of(
                            TenantErrorCode.DUPLICATE_DATABASE,
                            "database",
                            "database " + row.database() + " on server " + serverName + " is also on line(s) "
                                    + lines)));
            Tenant sameSlug = row.slug() == null ? null : bySlug.get(row.slug());
            Registered registered = null;
            if (sameSlug != null
                    && sameSlug.server.name.equals(serverName)
                    && sameSlug.databaseName.equals(row.database())) {
                registered = new Registered(sameSlug.slug, sameSlug.status.name(), sameSlug.schemaHead);
            } else if (sameSlug != null) {
                problems.add(RowProblem.of(
                        TenantErrorCode.DUPLICATE_SLUG,
                        "slug",
                        "slug '" + row.slug()
                                + "' is already registered for database " + sameSlug.databaseName + " on server "
                                + sameSlug.server.name));
            }
            Tenant sameDatabase = databaseKey == null ? null : byDatabase.get(databaseKey);
            if (sameDatabase != null && !sameDatabase.slug.equals(row.slug())) {
                problems.add(RowProblem.of(
                        TenantErrorCode.DUPLICATE_DATABASE,
                        "database",
                        "database " + row.database() + " on server " + serverName + " is already registered as tenant '"
                                + sameDatabase.slug + "'"));
            }
            Target target = server == null ? null : new Target(server.name, server.host, server.port);
            verdicts.add(new Verdict(row, target, registered, problems));
        }
        return verdicts;
    }

    /** The server a row names, or the default server's name. */
    String serverName(Candidate row) {
        return row.server() == null ? config.defaultServer().name() : row.server();
    }

    /** Server and database of a row, null when the row names no database. */
    private static String databaseKey(String server, String database) {
        return database == null ? null : server + "/" + database;
    }

    private static Map<String, List<Integer>> group(List<Candidate> rows, Function<Candidate, String> key) {
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        for (Candidate row : rows) {
            String value = key.apply(row);
            if (value != null) {
                lines.computeIfAbsent(value, k -> new ArrayList<>()).add(row.line());
            }
        }
        return lines;
    }

    private static Optional<String> others(List<Integer> lines, int line) {
        if (lines == null || lines.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(lines.stream()
                .filter(other -> other != line)
                .map(String::valueOf)
                .collect(Collectors.joining(", ")));
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += CHUNK) {
            chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
        }
        return chunks;
    }
}
