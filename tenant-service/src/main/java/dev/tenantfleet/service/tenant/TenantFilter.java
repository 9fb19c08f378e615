package dev.tenantfleet.service.tenant;

import dev.tenantfleet.model.tenant.TenantStatus;
import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tenants {@code GET /api/tenants} lists: every condition given must hold (null = any).
 *
 * @param status the tenant's status
 * @param head   the schema head recorded in the registry, exactly ({@code v1.4})
 * @param server the name of the database server the tenant lives on
 */
public record TenantFilter(TenantStatus status, String head, String server) {
    /** Whether no condition is set. */
    public boolean isEmpty() {
        return status == null && head == null && server == null;
    }

    /** The HQL condition over {@link Tenant}, with named parameters. */
    String where() {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = :status");
        }
        if (head != null) {
            conditions.add("schemaHead = :head");
        }
        if (server != null) {
            conditions.add("server.name = :server");
        }
        return String.join(" and ", conditions);
    }

    /** The values of {@link #where()}'s parameters. */
    Parameters parameters() {
        Parameters parameters = new Parameters();
        if (status != null) {
            parameters.and("status", status);
        }
        if (head != null) {
            parameters.and("head", head);
        }
        if (server != null) {
            parameters.and("server", server);
        }
        return parameters;
    }
}
