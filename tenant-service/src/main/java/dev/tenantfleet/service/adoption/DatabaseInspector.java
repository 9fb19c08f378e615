package dev.tenantfleet.service.adoption;

import dev.tenantfleet.changelog.ChangeSetInfo;
import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.changelog.TenantPlan;
import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.jdbc.PostgresDatabase;
import dev.tenantfleet.service.changelog.ReleaseChangelog;
import dev.tenantfleet.service.config.TenantFleetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Looks at an existing database before it is adopted, read-only and as the role Tenant Fleet will migrate it as: can
 * it log in, may it migrate (CREATE on its schema, write on DATABASECHANGELOG), and where does its Liquibase history
 * stand against the changelog. Decides the head it is registered at and whether a baseline is needed:
 * <ul>
 * <li>a history with a tag of the changelog: that tag, provided nothing up to it is missing and nothing drifted;</li>
 * <li>no history: the baseline tag, once the tables the changelog creates up to it are found; without one, only an
 * empty database (it starts from the beginning);</li>
 * <li>a history without a tag of the changelog: the baseline marks the missing tagDatabase changesets, nothing else.</li>
 * </ul>
 */
@ApplicationScoped
class DatabaseInspector {
    static final int LISTED = 5;
    private static final String EXISTING_TABLES_MISSING = """
            SELECT n FROM unnest(?::text[]) AS n WHERE NOT EXISTS (
              SELECT 1 FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                AND lower(c.relname) = CASE WHEN strpos(n, '.') > 0 THEN split_part(n, '.', 2) ELSE n END
                AND CASE WHEN strpos(n, '.') > 0 THEN lower(s.nspname) = split_part(n, '.', 1)
                         ELSE s.nspname = ANY (current_schemas(false)) END)
            ORDER BY n""";
    private static final String USER_TABLES = """
            SELECT c.relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND s.nspname = ANY (current_schemas(false))
              AND lower(c.relname) NOT IN ('databasechangelog', 'databasechangeloglock')
            ORDER BY c.relname""";

    private final ReleaseChangelog changelog;
    private final TenantFleetConfig config;

    DatabaseInspector(ReleaseChangelog changelog, TenantFleetConfig config) {
        this.changelog = changelog;
        this.config = config;
    }

    /** Why the server's port does not accept connections, or null when it does: one check per server, not per row. */
    String unreachable(RegistryCheck.Target target) {
        int timeout = (int) config.adoption().connectTimeout().toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), timeout);
            return null;
        } catch (IOException e) {
            return "database server " + target.serverName() + " (" + target.host() + ":" + target.port()
                    + ") does not accept connections: " + e.getMessage();
        }
    }

    /** Logs in to the row's database with {@code password} and decides how it can be adopted. */
    Inspection inspect(Candidate row, RegistryCheck.Target target, String password) {
        try (Connection connection = connect(row, target, password)) {
            connection.setReadOnly(true);
            List<RowProblem> problems = new ArrayList<>(privileges(connection, row));
            TenantHistory history = TenantHistory.read(connection);
            Inspection inspection = history.isEmpty() ? withoutHistory(connection, row) : withHistory(history, row);
            problems.addAll(inspection.problems());
            return new Inspection(inspection.head(), inspection.baselineTag(), inspection.notes(), problems);
        } catch (SQLException e) {
            return Inspection.rejected(classify(e, row, target));
        }
    }

    /** Opens a session as the row's role (also used by the baseline). */
    Connection connect(Candidate row, RegistryCheck.Target target, String password) throws SQLException {
        Properties properties = target.database(row.database()).connectionProperties();
        properties.setProperty("user", row.username());
        properties.setProperty("password", password);
        properties.setProperty(
                "connectTimeout",
                String.valueOf(Math.max(1, config.adoption().connectTimeout().toSeconds())));
        properties.setProperty("ApplicationName", "tenant-fleet-adoption");
        return DriverManager.getConnection(PostgresDatabase.URL, properties);
    }

    private Inspection withHistory(TenantHistory history, Candidate row) {
        TenantChangelog log = changelog.get();
        List<String> notes = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        TenantPlan whole = log.plan(history, null);
        String otherRoot = log.rootMismatch(history);
        if (otherRoot != null) {
            // one cause, one problem: every changeset would otherwise be listed as unknown, and as missing
            problems.add(RowProblem.of(TenantErrorCode.CHANGELOG_HISTORY_DRIFT, otherRoot));
        } else if (whole.drifted()) {
            problems.add(RowProblem.of(
                    TenantErrorCode.CHANGELOG_HISTORY_DRIFT,
                    "its Liquibase history does not match " + "changelog " + log.location() + ": "
                            + listed(whole.drift())));
        }
        String head = knownHead(history, log, notes);
        if (head != null) {
            List<ChangeSetInfo> missing =
                    otherRoot != null ? List.of() : log.plan(history, head).pending();
            if (!missing.isEmpty()) {
                problems.add(RowProblem.of(
                        TenantErrorCode.CHANGELOG_HISTORY_INCOMPLETE,
                        "its history is at " + head
                                + " but " + missing.size() + " changeset(s) up to " + head + " were never applied: "
                                + listed(
                                        missing.stream().map(ChangeSetInfo::key).toList())));
            }
            if (row.baselineTag() != null && !row.baselineTag().equals(head)) {
                notes.add("baseline " + row.baselineTag() + " not applied: its Liquibase history is at " + head);
            }
            return new Inspection(head, null, notes, problems);
        }
        if (row.baselineTag() == null) {
            notes.add("its history has " + history.applied().size() + " changeset(s) but no tag of the changelog: "
                    + "registered without a head; adopt it with a baseline tag to record which release it is at");
            return new Inspection(null, null, notes, problems);
        }
        // A baseline on a history only marks the release markers (tagDatabase changesets) it lacks, never real work.
        List<String> unapplied = log.plan(history, row.baselineTag()).pending().stream()
                .filter(cs -> cs.tag() == null)
                .map(ChangeSetInfo::key)
                .toList();
        if (!unapplied.isEmpty()) {
            problems.add(RowProblem.of(
                    TenantErrorCode.CHANGELOG_HISTORY_INCOMPLETE,
                    "baselineTag",
                    "baseline "
                            + row.baselineTag() + " would mark " + unapplied.size()
                            + " changeset(s) its history lacks as applied"
                            + " without running them: " + listed(unapplied)
                            + "; a baseline on a database with a history only "
                            + "adds the missing tagDatabase changesets"));
        }
        return new Inspection(null, row.baselineTag(), notes, problems);
    }

    private Inspection withoutHistory(Connection connection, Candidate row) throws SQLException {
        List<String> notes = new ArrayList<>();
        if (row.baselineTag() != null) {
            List<String> expected = changelog.get().tablesUpTo(row.baselineTag());
            List<String> missing = missingTables(connection, expected);
            if (!missing.isEmpty()) {
                return new Inspection(
                        null,
                        null,
                        notes,
                        List.of(RowProblem.of(
                                TenantErrorCode.BASELINE_TABLES_MISSING,
                                "baselineTag",
                                "baseline " + row.baselineTag() + ": " + missing.size() + " of the "
                                        + expected.size() + " tables the changelog creates up to " + row.baselineTag()
                                        + " are missing: " + listed(missing))));
            }
            if (expected.isEmpty()) {
                notes.add("the changelog creates no table up to " + row.baselineTag() + " that Tenant Fleet can see "
                        + "(createTable or CREATE TABLE), so none was checked");
            }
            return new Inspection(null, row.baselineTag(), notes, List.of());
        }
        List<String> tables = strings(connection, USER_TABLES);
        if (!tables.isEmpty()) {
            return new Inspection(
                    null,
                    null,
                    notes,
                    List.of(RowProblem.of(
                            TenantErrorCode.UNTRACKED_SCHEMA,
                            "it has " + tables.size() + " table(s) (" + listed(tables)
                                    + ") but no Liquibase history: a release "
                                    + "would create them again; adopt it with the baseline tag its schema is at")));
        }
        notes.add("empty database without a Liquibase history: the next release applies the changelog from the start");
        return new Inspection(null, null, notes, List.of());
    }

    /** The last tag of the history that the changelog knows (a {@code liquibase tag} from the command line is not). */
    private static String knownHead(TenantHistory history, TenantChangelog log, List<String> notes) {
        String head = history.head();
        if (head == null || log.tags().contains(head)) {
            return head;
        }
        for (int i = history.applied().size() - 1; i >= 0; i--) {
            String tag = history.applied().get(i).tag();
            if (tag != null && log.tags().contains(tag)) {
                notes.add("its last tag '" + head + "' is not a tag of the changelog (set with liquibase tag?): "
                        + "registered at " + tag + ", the last tag the changelog knows");
                return tag;
            }
        }
        notes.add("its last tag '" + head + "' is not a tag of the changelog (set with liquibase tag?): ignored");
        return null;
    }

    private static List<RowProblem> privileges(Connection connection, Candidate row) throws SQLException {
        List<RowProblem> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT current_schema(), coalesce(has_schema_privilege(current_schema(), 'CREATE'), false), "
                                + "CASE WHEN to_regclass('databasechangelog') IS NULL THEN true "
                                + "ELSE has_table_privilege(to_regclass('databasechangelog'), 'INSERT, UPDATE') END")) {
            rs.next();
            if (!rs.getBoolean(2)) {
                problems.add(RowProblem.of(
                        TenantErrorCode.TENANT_DATABASE_PRIVILEGES,
                        "username",
                        "role "
                                + row.username() + " cannot create objects in "
                                + (rs.getString(1) == null
                                        ? "any schema (its search_path names none that exists)"
                                        : "schema " + rs.getString(1))
                                + " of database " + row.database()
                                + ", so it cannot migrate it; adopt it with the owner role or"
                                + " GRANT CREATE ON SCHEMA"));
            }
            if (!rs.getBoolean(3)) {
                problems.add(RowProblem.of(
                        TenantErrorCode.TENANT_DATABASE_PRIVILEGES,
                        "username",
                        "role "
                                + row.username() + " cannot write DATABASECHANGELOG of database " + row.database()
                                + ", so it cannot record migrations; adopt it with the role that owns the history"));
            }
        }
        return problems;
    }

    private static List<String> missingTables(Connection connection, List<String> expected) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EXISTING_TABLES_MISSING)) {
            Array names = connection.createArrayOf("text", expected.toArray());
            statement.setArray(1, names);
            List<String> missing = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    missing.add(rs.getString(1));
                }
            }
            return missing;
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** A problem for a failed login; the server's message never holds the password. */
    static RowProblem classify(SQLException e, Candidate row, RegistryCheck.Target target) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "database " + row.database() + " on server " + target.serverName() + " (" + target.host() + ":"
                + target.port() + ")";
        if (state.equals("3D000")) {
            return RowProblem.of(TenantErrorCode.TENANT_DATABASE_NOT_FOUND, "database", where + " does not exist");
        }
        if (state.startsWith("28")) {
            return RowProblem.of(
                    TenantErrorCode.TENANT_DATABASE_CREDENTIALS,
                    "username",
                    "login as " + row.username() + " to " + where + " refused: " + e.getMessage());
        }
        if (state.equals("42501")) {
            return RowProblem.of(
                    TenantErrorCode.TENANT_DATABASE_PRIVILEGES,
                    "username",
                    "role " + row.username() + " may not connect to " + where + ": " + e.getMessage());
        }
        return RowProblem.of(
                TenantErrorCode.TENANT_DATABASE_UNREACHABLE,
                "cannot connect to " + where + ": " + e.getMessage()
                        + (state.isEmpty() ? "" : " [SQLState " + state + "]"));
    }

    static String listed(List<String> items) {
        List<String> shown = items.subList(0, Math.min(LISTED, items.size()));
        return String.join("; ", shown) + (items.size() > LISTED ? "; and " + (items.size() - LISTED) + " more" : "");
    }
}
