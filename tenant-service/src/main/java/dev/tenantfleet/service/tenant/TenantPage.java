package dev.tenantfleet.service.tenant;

import java.util.List;

/** One page of tenants. */
public record TenantPage(List<TenantView> items, int page, int size, long total) {}
