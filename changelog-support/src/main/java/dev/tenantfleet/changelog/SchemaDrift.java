package dev.tenantfleet.changelog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pending changeset whose objects already exist in the tenant database: the schema is ahead of its Liquibase
 * history (the changeset, or part of it, was applied by hand).
 *
 * @param changeSet the pending changeset ({@code path::id::author})
 * @param existing  the objects it creates that are already there
 */
public record SchemaDrift(String changeSet, List<SchemaObject> existing) {
    public SchemaDrift {
        existing = List.copyOf(existing);
    }

    /** {@code changeset x creates table a, index b, which already exist}. */
    public String describe() {
        return "changeset " + changeSet + " is not in the tenant's history, but what it creates already exists: "
                + existing.stream().map(SchemaObject::toString).collect(Collectors.joining(", "));
    }
}
