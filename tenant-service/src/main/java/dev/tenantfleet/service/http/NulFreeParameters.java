package dev.tenantfleet.service.http;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses a path or query parameter holding a NUL character ({@code %00}) before any resource looks it up: PostgreSQL
 * cannot compare text with one, so {@code GET /api/tenants/a%00b} would otherwise be a 500, not "no such tenant".
 * (Bodies are covered by {@code StrictJson} and the CSV reader.)
 */
@Provider
public class NulFreeParameters implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        check("path parameter", request.getUriInfo().getPathParameters());
        check("query parameter", request.getUriInfo().getQueryParameters());
    }

    private static void check(String kind, Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            if (name.indexOf('\0') >= 0) {
                throw new TenantFleetException(
                        TenantErrorCode.INVALID_PARAMETER,
                        "a " + kind + " name must not contain a NUL character (%00)");
            }
            if (values.stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                throw new TenantFleetException(
                        TenantErrorCode.INVALID_PARAMETER,
                        kind + " '" + name + "' must not contain a NUL character (%00)");
            }
        });
    }
}
