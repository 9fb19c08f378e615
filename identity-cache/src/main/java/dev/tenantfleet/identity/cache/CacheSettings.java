package dev.tenantfleet.identity.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Key prefix and TTLs of the identity caches. Every key gets a TTL. The tag TTL must exceed every entry TTL: a tag
 * counter is refreshed whenever an entry carrying it is filled, so it can only expire after every such entry has.
 *
 * @param prefix          key prefix (default {@code tf})
 * @param tagTtl          TTL of tag generation counters, refreshed on every fill and invalidation (default 2 h)
 * @param tenantUserTtl   TTL of a tenant's view of a user (default 15 min)
 * @param policiesTtl     TTL of a tenant's policies (default 15 min)
 * @param userPayloadTtl  TTL of a token's user payload (default 60 s)
 * @param tenantStatusTtl TTL of the tenant status mirror (default 7 days)
 * @param versionTtl      TTL of the last applied version of an entity (default 7 days)
 */
public record CacheSettings(
        String prefix,
        Duration tagTtl,
        Duration tenantUserTtl,
        Duration policiesTtl,
        Duration userPayloadTtl,
        Duration tenantStatusTtl,
        Duration versionTtl) {

    public CacheSettings {
        new KeyLayout(prefix);
        Stream.of(tagTtl, tenantUserTtl, policiesTtl, userPayloadTtl, tenantStatusTtl, versionTtl)
                .forEach(ttl -> {
                    Objects.requireNonNull(ttl, "every TTL is required");
                    if (ttl.toMillis() < 1) {
                        throw new IllegalArgumentException("every TTL must be at least 1 ms, got " + ttl);
                    }
                });
        Duration longestEntry = Stream.of(tenantUserTtl, policiesTtl, userPayloadTtl)
                .max(Duration::compareTo)
                .orElseThrow();
        if (tagTtl.compareTo(longestEntry) <= 0) {
            throw new IllegalArgumentException(
                    "the tag TTL (" + tagTtl + ") must exceed the longest entry TTL (" + longestEntry + ")");
        }
    }

    /** The defaults: prefix {@code tf}, tags 2 h, users and policies 15 min, payloads 60 s, status and versions 7 days. */
    public static CacheSettings defaults() {
        return new CacheSettings(
                KeyLayout.DEFAULT_PREFIX,
                Duration.ofHours(2),
                Duration.ofMinutes(15),
                Duration.ofMinutes(15),
                Duration.ofSeconds(60),
                Duration.ofDays(7),
                Duration.ofDays(7));
    }

    /** The same settings under another key prefix. */
    public CacheSettings withPrefix(String newPrefix) {
        return new CacheSettings(
                newPrefix, tagTtl, tenantUserTtl, policiesTtl, userPayloadTtl, tenantStatusTtl, versionTtl);
    }

    /** The key layout of {@link #prefix()}. */
    public KeyLayout layout() {
        return new KeyLayout(prefix);
    }
}
