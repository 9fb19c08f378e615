package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A tenant as tenant-service returns it (the parts tenantctl prints). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenantView(String id, String slug, String name, String status, String server, String schemaHead) {
}
