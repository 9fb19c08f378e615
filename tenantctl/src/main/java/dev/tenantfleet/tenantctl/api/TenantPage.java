package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * {@code GET /api/tenants}: one page of tenants, by slug.
 *
 * @param page  0-based page index
 * @param size  the page size asked for
 * @param total how many tenants match the filters, on every page together
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenantPage(List<TenantView> items, Integer page, Integer size, Long total) {
    public TenantPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
