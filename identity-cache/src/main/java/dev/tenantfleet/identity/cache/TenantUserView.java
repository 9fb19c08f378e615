package dev.tenantfleet.identity.cache;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's view of a user, as cached in {@code <prefix>:t:<tenant-id>:user:<user-id>}.
 *
 * @param id     the user id
 * @param roles  the user's roles in the tenant
 * @param status the user's status as identity reports it (e.g. {@code active})
 */
public record TenantUserView(UUID id, List<String> roles, String status) {

    public TenantUserView {
        Objects.requireNonNull(id, "id");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
