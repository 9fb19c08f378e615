package dev.tenantfleet.changelog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds drift a history cannot show: objects that pending changesets create and that already exist in the tenant
 * database (a script applied by hand with psql is the usual cause). One catalog query per tenant, and none when
 * nothing pending creates anything.
 */
public final class PendingObjects {
    // One round trip: each object is checked as what it is (relations in pg_class, columns, constraints by name).
    private static final String EXISTING = """
            SELECT o.i FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS o(kind, tbl, name, i)
            WHERE CASE o.kind
              WHEN 'relation' THEN to_regclass(o.name) IS NOT NULL
              WHEN 'column' THEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = to_regclass(o.tbl)
                                         AND a.attname = o.name AND a.attnum > 0 AND NOT a.attisdropped)
              ELSE EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = o.name
                           AND (o.tbl IS NULL OR c.conrelid = to_regclass(o.tbl)))
            END
            ORDER BY o.i""";

    private PendingObjects() {}

    /**
     * The objects each of {@code pending} (in changelog order) creates that should not exist before it runs: an
     * object an earlier pending changeset (or the same one, earlier) drops is expected to exist and left out.
     */
    static Map<String, List<SchemaObject>> expectedAbsent(
            List<ChangeSetInfo> pending, Map<String, List<SchemaChange>> effects) {
        Map<String, List<SchemaObject>> absent = new LinkedHashMap<>();
        Set<String> dropped = new HashSet<>();
        Set<String> created = new HashSet<>();
        for (ChangeSetInfo changeSet : pending) {
            for (SchemaChange change : effects.getOrDefault(changeSet.key(), List.of())) {
                String identity = change.object().identity();
                if (!change.created()) {
                    dropped.add(identity);
                } else if (!dropped.remove(identity) && created.add(identity)) {
                    absent.computeIfAbsent(changeSet.key(), key -> new ArrayList<>())
                            .add(change.object());
                }
            }
        }
        return absent;
    }

    /**
     * The pending changesets of {@code plan} whose objects already exist on {@code connection}, in changelog order;
     * empty when none (or nothing pending creates anything).
     */
    public static List<SchemaDrift> find(Connection connection, TenantChangelog changelog, List<ChangeSetInfo> pending)
            throws SQLException {
        Map<String, List<SchemaObject>> absent = changelog.objectsCreatedBy(pending);
        if (absent.isEmpty()) {
            return List.of();
        }
        List<String> owners = new ArrayList<>();
        List<SchemaObject> objects = new ArrayList<>();
        absent.forEach((changeSet, created) -> created.forEach(object -> {
            owners.add(changeSet);
            objects.add(object);
        }));
        Set<Integer> existing = existing(connection, objects);
        Map<String, List<SchemaObject>> found = new LinkedHashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            if (existing.contains(i + 1)) {
                found.computeIfAbsent(owners.get(i), key -> new ArrayList<>()).add(objects.get(i));
            }
        }
        return found.entrySet().stream()
                .map(entry -> new SchemaDrift(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static Set<Integer> existing(Connection connection, List<SchemaObject> objects) throws SQLException {
        String[] kinds = new String[objects.size()];
        String[] tables = new String[objects.size()];
        String[] names = new String[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            SchemaObject object = objects.get(i);
            kinds[i] =
                    object.kind().relation() ? "relation" : object.kind().name().toLowerCase(Locale.ROOT);
            tables[i] = object.table() == null ? null : quoted(object.table());
            // relations are looked up through to_regclass, which parses a (quoted) name; columns and constraints by
            // name
            names[i] = object.kind().relation() ? quoted(object.name()) : object.name();
        }
        Set<Integer> found = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(EXISTING)) {
            Array kindArray = connection.createArrayOf("text", kinds);
            Array tableArray = connection.createArrayOf("text", tables);
            Array nameArray = connection.createArrayOf("text", names);
            statement.setArray(1, kindArray);
            statement.setArray(2, tableArray);
            statement.setArray(3, nameArray);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                }
            }
        }
        return found;
    }

    /** {@code schema.name} as quoted identifiers, so to_regclass never fails on a name's syntax. */
    private static String quoted(String name) {
        StringBuilder quoted = new StringBuilder();
        for (String part : name.split("\\.", 2)) {
            if (quoted.length() > 0) {
                quoted.append('.');
            }
            quoted.append('"').append(part.replace("\"", "\"\"")).append('"');
        }
        return quoted.toString();
    }
}
