package dev.tenantfleet.identity.cache;

import dev.tenantfleet.model.tenant.TenantStatus;
import java.time.Instant;

/**
 * A tenant's status as last mirrored from {@code tenant.events}.
 *
 * @param status  the tenant's status
 * @param at      the time of the event that set it (the CloudEvent {@code time})
 * @param eventId the id of that event
 */
public record MirroredStatus(TenantStatus status, Instant at, String eventId) {}
