package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** {@code GET /api/tenants/{slug}/audit}: one entry of a tenant's audit trail. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditEntryView(
        Instant at, String actor, String action, String fromStatus, String toStatus, String reason, String details) {}
