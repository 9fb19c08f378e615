package dev.tenantfleet.changelog;

import static dev.tenantfleet.changelog.SchemaObject.Kind.COLUMN;
import static dev.tenantfleet.changelog.SchemaObject.Kind.CONSTRAINT;
import static dev.tenantfleet.changelog.SchemaObject.Kind.INDEX;
import static dev.tenantfleet.changelog.SchemaObject.Kind.SEQUENCE;
import static dev.tenantfleet.changelog.SchemaObject.Kind.TABLE;
import static dev.tenantfleet.changelog.SchemaObject.Kind.VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSchemaEffectsTest {

    @Test
    void shouldSeeEveryObjectAStatementCreates() {
        assertThat(effects("CREATE TABLE Public.\"Items\" (id int)"))
                .containsExactly(created(TABLE, null, "public.items"));
        assertThat(effects("CREATE UNIQUE INDEX CONCURRENTLY idx_a ON items (a)"))
                .containsExactly(created(INDEX, null, "idx_a"));
        assertThat(effects("CREATE SEQUENCE app.seq_a START 10")).containsExactly(created(SEQUENCE, null, "app.seq_a"));
        assertThat(effects("CREATE MATERIALIZED VIEW v_a AS SELECT 1")).containsExactly(created(VIEW, null, "v_a"));
        assertThat(effects(
                        "ALTER TABLE ONLY items ADD COLUMN state varchar(16) DEFAULT 'x', ADD closed_at numeric(10, 2),"
                                + " ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id)"))
                .containsExactly(
                        created(COLUMN, "items", "state"),
                        created(COLUMN, "items", "closed_at"),
                        created(CONSTRAINT, "items", "fk_owner"));
    }

    @Test
    void shouldLeaveOutCreatesThatCannotFailOnAnExistingObject() {
        assertThat(effects("CREATE TABLE IF NOT EXISTS items (id int)")).isEmpty();
        assertThat(effects("CREATE TEMP TABLE scratch (id int)")).isEmpty();
        assertThat(effects("CREATE INDEX IF NOT EXISTS idx_a ON items (a)")).isEmpty();
        assertThat(effects("CREATE INDEX ON items (a)")).isEmpty();
        assertThat(effects("CREATE OR REPLACE VIEW v_a AS SELECT 1")).isEmpty();
        assertThat(effects("ALTER TABLE items ADD COLUMN IF NOT EXISTS state text"))
                .isEmpty();
        assertThat(effects("ALTER TABLE items ADD PRIMARY KEY (id), ADD UNIQUE (name)"))
                .isEmpty();
        assertThat(effects("INSERT INTO schema_log VALUES ('2.1')")).isEmpty();
    }

    @Test
    void shouldSeeDrops() {
        assertThat(effects("DROP INDEX IF EXISTS idx_a, idx_b CASCADE"))
                .containsExactly(
                        new SchemaChange(false, new SchemaObject(INDEX, null, "idx_a")),
                        new SchemaChange(false, new SchemaObject(INDEX, null, "idx_b")));
        assertThat(effects("ALTER TABLE items DROP CONSTRAINT fk_owner, DROP COLUMN IF EXISTS state"))
                .containsExactly(
                        new SchemaChange(false, new SchemaObject(CONSTRAINT, "items", "fk_owner")),
                        new SchemaChange(false, new SchemaObject(COLUMN, "items", "state")));
    }

    private static List<SchemaChange> effects(String sql) {
        return SqlStatements.of(sql).stream()
                .flatMap(statement -> SqlSchemaEffects.of(statement).stream())
                .toList();
    }

    private static SchemaChange created(SchemaObject.Kind kind, String table, String name) {
        return SchemaChange.create(kind, table, name);
    }
}
