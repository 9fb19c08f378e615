package dev.tenantfleet.identity.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenantfleet.model.envelope.Json;
import dev.tenantfleet.model.tenant.TenantStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The tenant status mirror {@code <prefix>:tenant-status:<tenant-id>} = {@code {"status","at","eventId"}}: written by
 * identity-consumer from {@code tenant.events} with a compare-and-set on the event time (an older event never
 * overwrites a newer one), read by an application's write guard without calling the control plane.
 */
public final class TenantStatusMirror {
    /** RFC 3339 UTC with exactly nine fractional digits: string order is time order (the CAS compares strings). */
    public static final DateTimeFormatter AT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = Json.mapper();
    private final RedisPort redis;
    private final KeyLayout layout;
    private final Duration ttl;

    public TenantStatusMirror(RedisPort redis, KeyLayout layout, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /**
     * Mirrors {@code status} set by event {@code eventId} at {@code at}, unless the mirror holds a status set at the same
     * time or later. Returns true if stored.
     */
    public boolean record(UUID tenantId, TenantStatus status, Instant at, String eventId) {
        String formattedAt = AT_FORMAT.format(at);
        ObjectNode value = mapper.createObjectNode();
        value.put("status", status.name());
        value.put("at", formattedAt);
        value.put("eventId", eventId);
        return TaggedCache.asLong(
                        "tenant-status-cas",
                        redis.eval(
                                LuaScripts.TENANT_STATUS_CAS,
                                List.of(layout.tenantStatus(tenantId)),
                                List.of(value.toString(), formattedAt, Long.toString(ttl.toMillis()))))
                == 1;
    }

    /** The mirrored status; empty when unknown (never mirrored, expired, or unreadable). */
    public Optional<MirroredStatus> get(UUID tenantId) {
        Object reply = redis.eval(LuaScripts.GET, List.of(layout.tenantStatus(tenantId)), List.of());
        if (!(reply instanceof String raw)) {
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(raw);
            return Optional.of(new MirroredStatus(
                    TenantStatus.valueOf(node.path("status").asText()),
                    Instant.parse(node.path("at").asText()),
                    node.path("eventId").asText(null)));
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What the mirror says about writes to the tenant. */
    public Writability writability(UUID tenantId) {
        return get(tenantId)
                .map(mirrored -> isWritable(mirrored.status()) ? Writability.WRITABLE : Writability.NOT_WRITABLE)
                .orElse(Writability.UNKNOWN);
    }

    /**
     * The write guard: whether the application may write for the tenant, from the mirror, or from {@code controlPlane}
     * (e.g. {@code GET /api/tenants/{slug}}) when the mirror does not know the tenant.
     */
    public boolean isWritable(UUID tenantId, Function<UUID, TenantStatus> controlPlane) {
        return switch (writability(tenantId)) {
            case WRITABLE -> true;
            case NOT_WRITABLE -> false;
            case UNKNOWN -> isWritable(controlPlane.apply(tenantId));
        };
    }

    /** Only ACTIVE tenants take writes (READ_ONLY, SUSPENDED, DEACTIVATED and not yet provisioned ones do not). */
    public static boolean isWritable(TenantStatus status) {
        return status == TenantStatus.ACTIVE;
    }
}
