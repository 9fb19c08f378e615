package dev.tenantfleet.changelog;

import java.util.Locale;

/**
 * A database object a changeset creates or drops, as PostgreSQL names it: lower case, without quotes, {@code
 * schema.name} when the changelog names a schema.
 *
 * @param kind  what it is
 * @param table the table a column or constraint belongs to (null for relations, and for a constraint whose table is
 *              not named)
 * @param name  the object's own name
 */
public record SchemaObject(Kind kind, String table, String name) {
    /** Relations share one namespace (a table and an index cannot have the same name), so they are checked as one. */
    public enum Kind {
        TABLE,
        VIEW,
        SEQUENCE,
        INDEX,
        COLUMN,
        CONSTRAINT;

        /** Whether objects of this kind live in pg_class. */
        public boolean relation() {
            return this != COLUMN && this != CONSTRAINT;
        }
    }

    /** {@code table crm_contact}, {@code column crm_contact.full_name}, {@code constraint fk_owner on crm_deal}. */
    @Override
    public String toString() {
        String kindName = kind.name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case COLUMN -> kindName + " " + table + "." + name;
            case CONSTRAINT -> kindName + " " + name + (table == null ? "" : " on " + table);
            default -> kindName + " " + name;
        };
    }

    /** The same object whatever kind of relation it is: drops and creates of relations match by name. */
    String identity() {
        return (kind.relation() ? "relation" : kind.name()) + ":" + (table == null ? "" : table) + ":" + name;
    }
}
