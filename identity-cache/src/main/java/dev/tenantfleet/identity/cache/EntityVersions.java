package dev.tenantfleet.identity.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The last version applied to each identity entity ({@code <prefix>:ver:<entity>}, TTL 7 days by default), so a
 * duplicate or an older event is ignored. Versions compare exactly (as decimal strings), whatever their size.
 * <p>
 * The protocol: {@link #isNewer} before the effect, {@link #recordIfNewer} AFTER the effect is durable, so a crash in
 * between only repeats an idempotent effect. When the whole effect is tag invalidation, {@link #invalidateIfNewer}
 * does check, effect and record in one atomic script.
 */
public final class EntityVersions {
    private final RedisPort redis;
    private final KeyLayout layout;
    private final Duration versionTtl;
    private final Duration tagTtl;

    public EntityVersions(RedisPort redis, KeyLayout layout, Duration versionTtl, Duration tagTtl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.versionTtl = Objects.requireNonNull(versionTtl, "versionTtl");
        this.tagTtl = Objects.requireNonNull(tagTtl, "tagTtl");
    }

    /** Whether {@code version} is newer than the last version applied to {@code entity} (true when none is recorded). */
    public boolean isNewer(String entity, long version) {
        return TaggedCache.asLong(
                        "version-is-newer",
                        redis.eval(
                                LuaScripts.VERSION_IF_NEWER,
                                List.of(layout.version(entity)),
                                List.of(decimal(version), LuaScripts.CHECK_ONLY)))
                == 1;
    }

    /** Records {@code version} as applied to {@code entity} if it is newer than the recorded one; true if recorded. */
    public boolean recordIfNewer(String entity, long version) {
        return TaggedCache.asLong(
                        "version-record-if-newer",
                        redis.eval(
                                LuaScripts.VERSION_IF_NEWER,
                                List.of(layout.version(entity)),
                                List.of(decimal(version), Long.toString(versionTtl.toMillis()))))
                == 1;
    }

    /**
     * If {@code version} is newer than the last one applied to {@code entity}: invalidates every tag and records the
     * version, atomically (one script). False, and nothing changed, for a duplicate or an older version.
     */
    public boolean invalidateIfNewer(String entity, long version, Collection<String> tags) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(tags));
        return TaggedCache.asLong(
                        "invalidate-if-newer",
                        redis.eval(
                                LuaScripts.VERSION_IF_NEWER,
                                invalidateKeys(entity, distinct),
                                invalidateArgs(version, distinct.size())))
                == 1;
    }

    /**
     * {@link #invalidateIfNewer} for several entities in one round trip where the {@link RedisPort} pipelines (each
     * invalidation stays atomic on its own; several of one entity are checked in list order).
     *
     * @return per invalidation, in order: whether it was applied (false: a duplicate or an older version), or the
     *         error Redis answered to it alone
     * @throws IdentityCacheException {@link IdentityCacheErrorCode#REDIS_UNAVAILABLE} when Redis cannot be reached;
     *         running the same list again is safe (what was applied is then seen as a duplicate)
     */
    public List<Applied> invalidateAllIfNewer(List<Invalidation> invalidations) {
        List<RedisPort.ScriptCall> calls = new ArrayList<>(invalidations.size());
        for (Invalidation invalidation : invalidations) {
            calls.add(new RedisPort.ScriptCall(
                    LuaScripts.VERSION_IF_NEWER,
                    invalidateKeys(invalidation.entity(), invalidation.tags()),
                    invalidateArgs(invalidation.version(), invalidation.tags().size())));
        }
        List<RedisPort.Reply> replies = redis.evalAll(calls);
        List<Applied> applied = new ArrayList<>(replies.size());
        for (RedisPort.Reply reply : replies) {
            if (reply.error() != null) {
                applied.add(new Applied(false, reply.error()));
                continue;
            }
            try {
                applied.add(new Applied(TaggedCache.asLong("invalidate-if-newer", reply.value()) == 1, null));
            } catch (IdentityCacheException e) { // an unexpected reply is that invalidation's failure alone
                applied.add(new Applied(false, e));
            }
        }
        return applied;
    }

    /** {@code tags} without duplicates. */
    private List<String> invalidateKeys(String entity, List<String> tags) {
        List<String> keys = new ArrayList<>();
        keys.add(layout.version(entity));
        for (String tag : tags) {
            keys.add(layout.tag(tag));
        }
        return keys;
    }

    private List<String> invalidateArgs(long version, int distinctTags) {
        List<String> args = new ArrayList<>();
        args.add(decimal(version));
        args.add(Long.toString(versionTtl.toMillis()));
        args.add(Long.toString(tagTtl.toMillis()));
        for (int i = distinctTags; i > 0; i--) {
            args.add(Long.toString(TaggedCache.randomStart()));
        }
        return args;
    }

    /** The last version applied to {@code entity}, if one is recorded. */
    public OptionalLong lastApplied(String entity) {
        Object reply = redis.eval(LuaScripts.GET, List.of(layout.version(entity)), List.of());
        if (reply == null) {
            return OptionalLong.empty();
        }
        if (reply instanceof String value) {
            return OptionalLong.of(Long.parseLong(value));
        }
        throw TaggedCache.unexpected("get", reply);
    }

    /**
     * One entity's invalidation, as {@link #invalidateIfNewer} takes it.
     *
     * @param entity  the entity, e.g. {@code user:<id>}
     * @param version the event's version (>= 1)
     * @param tags    the tags to invalidate (duplicates are dropped)
     */
    public record Invalidation(String entity, long version, List<String> tags) {
        public Invalidation {
            Objects.requireNonNull(entity, "entity");
            tags = List.copyOf(new LinkedHashSet<>(tags));
        }
    }

    /**
     * The outcome of one {@link Invalidation}.
     *
     * @param applied whether it was applied (false for a duplicate, an older version, or an error)
     * @param error   the error Redis answered to this invalidation, or null
     */
    public record Applied(boolean applied, IdentityCacheException error) {}

    private static String decimal(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
        return Long.toString(version);
    }
}
