package dev.tenantfleet.changelog;

import java.util.Objects;

/**
 * One row of a tenant's DATABASECHANGELOG.
 *
 * @param key           {@code filename::id::author}
 * @param checksum      the MD5SUM column as stored ({@code 9:<hex>} for checksum version 9); null when cleared
 * @param orderExecuted the ORDEREXECUTED column
 * @param tag           the TAG column, null when the row carries no tag
 */
public record AppliedChangeSet(String key, String checksum, int orderExecuted, String tag) {
    public AppliedChangeSet {
        Objects.requireNonNull(key, "key");
    }
}
