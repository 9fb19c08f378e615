package dev.tenantfleet.identity.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantfleet.model.envelope.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The identity caches of docs/identity.md over any {@link RedisPort}: what an application reads and fills, and what
 * identity-consumer invalidates.
 *
 * <table>
 * <caption>Caches</caption>
 * <tr><th>cache</th><th>key</th><th>tags</th><th>TTL</th></tr>
 * <tr><td>tenant user</td><td>{@code tf:t:<tid>:user:<uid>}</td><td>{@code tenant:<tid>}, {@code user:<uid>},
 * {@code member:<tid>:<uid>}</td><td>15 min</td></tr>
 * <tr><td>policies</td><td>{@code tf:t:<tid>:policies}</td><td>{@code crm.policies}, {@code tenant:<tid>},
 * {@code crm.policies:<tid>}</td><td>15 min</td></tr>
 * <tr><td>user payload</td><td>{@code identity.user:<sha256(token)>}</td><td>{@code user:<uid>}
 * (+ {@code tenant:<tid>})</td><td>60 s</td></tr>
 * </table>
 */
public final class IdentityCaches {
    private final ObjectMapper mapper = Json.mapper();
    private final CacheSettings settings;
    private final TaggedCache tagged;
    private final EntityVersions versions;
    private final TenantStatusMirror tenantStatus;

    public IdentityCaches(RedisPort redis, CacheSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        KeyLayout layout = settings.layout();
        this.tagged = new TaggedCache(redis, layout, settings.tagTtl());
        this.versions = new EntityVersions(redis, layout, settings.versionTtl(), settings.tagTtl());
        this.tenantStatus = new TenantStatusMirror(redis, layout, settings.tenantStatusTtl());
    }

    /** Tags of a tenant's view of a user. */
    public static List<String> tenantUserTags(UUID tenantId, UUID userId) {
        return List.of(Tags.tenant(tenantId), Tags.user(userId), Tags.member(tenantId, userId));
    }

    /** Tags of a tenant's policies. */
    public static List<String> policyTags(UUID tenantId) {
        return List.of(Tags.POLICIES, Tags.tenant(tenantId), Tags.policies(tenantId));
    }

    /** Tags of a token's user payload; {@code tenantId} may be null (a payload not bound to a tenant). */
    public static List<String> userPayloadTags(UUID userId, UUID tenantId) {
        return tenantId == null ? List.of(Tags.user(userId)) : List.of(Tags.user(userId), Tags.tenant(tenantId));
    }

    /** The tenant's cached view of the user, if fresh. */
    public Optional<TenantUserView> tenantUser(UUID tenantId, UUID userId) {
        return tagged.get(layout().tenantUser(tenantId, userId)).map(this::readUser);
    }

    /** The tenant's view of the user from the cache, or from {@code loader} (following the fill rule); null: none. */
    public Optional<TenantUserView> tenantUser(UUID tenantId, UUID userId, Supplier<TenantUserView> loader) {
        return tagged.getOrLoad(
                        layout().tenantUser(tenantId, userId),
                        tenantUserTags(tenantId, userId),
                        settings.tenantUserTtl(),
                        () -> {
                            TenantUserView view = loader.get();
                            return view == null ? null : write(view);
                        })
                .map(this::readUser);
    }

    /** Fill step 1 for a tenant's view of a user, for applications that load it themselves. */
    public TagGenerations tenantUserGenerations(UUID tenantId, UUID userId) {
        return tagged.generations(tenantUserTags(tenantId, userId));
    }

    /** Fill step 3 for a tenant's view of a user, with the generations of step 1; false if refused as already stale. */
    public boolean putTenantUser(UUID tenantId, TenantUserView view, TagGenerations generations) {
        return tagged.put(layout().tenantUser(tenantId, view.id()), write(view), generations, settings.tenantUserTtl());
    }

    /** The tenant's cached policies (JSON as the application stored it), if fresh. */
    public Optional<String> policies(UUID tenantId) {
        return tagged.get(layout().tenantPolicies(tenantId));
    }

    /** The tenant's policies from the cache, or from {@code loader} (JSON; following the fill rule). */
    public Optional<String> policies(UUID tenantId, Supplier<String> loader) {
        return tagged.getOrLoad(
                layout().tenantPolicies(tenantId), policyTags(tenantId), settings.policiesTtl(), loader);
    }

    /** The cached user payload of an access token (JSON), if fresh. The token itself is never stored. */
    public Optional<String> userPayload(String token) {
        return tagged.get(layout().userPayload(token));
    }

    /**
     * The user payload of an access token from the cache, or from {@code loader} (JSON; following the fill rule). The
     * user (and the tenant, if the token is bound to one) must be known before loading, e.g. from the token's
     * {@code sub}: the tags' generations are read before the load.
     */
    public Optional<String> userPayload(String token, UUID userId, UUID tenantId, Supplier<String> loader) {
        return tagged.getOrLoad(
                layout().userPayload(token), userPayloadTags(userId, tenantId), settings.userPayloadTtl(), loader);
    }

    /** Invalidates one tag (O(1)); see {@link Tags} for the names. */
    public long invalidate(String tag) {
        return tagged.invalidate(tag);
    }

    /** The generic tagged cache under this layout. */
    public TaggedCache tagged() {
        return tagged;
    }

    /** Last applied versions of identity entities. */
    public EntityVersions versions() {
        return versions;
    }

    /** The tenant status mirror and write guard. */
    public TenantStatusMirror tenantStatus() {
        return tenantStatus;
    }

    /** Prefix and TTLs. */
    public CacheSettings settings() {
        return settings;
    }

    /** The key layout. */
    public KeyLayout layout() {
        return tagged.layout();
    }

    private String write(TenantUserView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tenant user view", e);
        }
    }

    private TenantUserView readUser(String json) {
        try {
            return mapper.readValue(json, TenantUserView.class);
        } catch (JsonProcessingException e) {
            throw new IdentityCacheException(
                    IdentityCacheErrorCode.UNEXPECTED_REPLY,
                    "a cached tenant user view is not readable: " + e.getOriginalMessage(),
                    e);
        }
    }
}
