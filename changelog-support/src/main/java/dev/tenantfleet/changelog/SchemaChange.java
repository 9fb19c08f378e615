package dev.tenantfleet.changelog;

/**
 * One object a changeset creates or drops, in the order the changeset does it.
 *
 * @param created true for a create, false for a drop
 */
record SchemaChange(boolean created, SchemaObject object) {
    static SchemaChange create(SchemaObject.Kind kind, String table, String name) {
        return new SchemaChange(true, new SchemaObject(kind, table, name));
    }

    static SchemaChange drop(SchemaObject.Kind kind, String table, String name) {
        return new SchemaChange(false, new SchemaObject(kind, table, name));
    }
}
