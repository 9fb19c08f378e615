package dev.tenantfleet.identity.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenantfleet.model.envelope.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Tagged cache entries with O(1) tag invalidation by generation counters (docs/identity.md, "Protocol").
 * <ul>
 * <li>{@link #get}: an entry is served only if every tag generation recorded in it equals the tag's counter now;</li>
 * <li>fill: {@link #generations} BEFORE loading, load, then {@link #put} with those generations ({@link #getOrLoad}
 * does the three steps), so data loaded before an invalidation is never served as fresh;</li>
 * <li>{@link #invalidate}: bumps one counter, whatever the number of entries carrying the tag.</li>
 * </ul>
 * Every operation is one Lua script: one round trip, atomic. Thread-safe.
 */
public final class TaggedCache {
    /** Random start values of new counters are drawn from [2^20, 2^48): far from 0/1, exact in every JSON reader. */
    static final long MIN_START = 1L << 20;

    static final long MAX_START = 1L << 48;

    private final ObjectMapper mapper = Json.mapper();
    private final RedisPort redis;
    private final KeyLayout layout;
    private final Duration tagTtl;

    public TaggedCache(RedisPort redis, KeyLayout layout, Duration tagTtl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.tagTtl = Objects.requireNonNull(tagTtl, "tagTtl");
    }

    /** The data of the entry at {@code key} if it is fresh; a stale entry is deleted and reads as empty. */
    public Optional<String> get(String key) {
        Object raw = redis.eval(LuaScripts.READ, List.of(key), List.of(layout.tagPrefix()));
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof String entry)) {
            throw unexpected("read", raw);
        }
        try {
            JsonNode data = mapper.readTree(entry).get("data");
            return data == null || data.isNull() ? Optional.empty() : Optional.of(mapper.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IdentityCacheException(
                    IdentityCacheErrorCode.UNEXPECTED_REPLY, "entry " + key + " is not JSON", e);
        }
    }

    /**
     * Fill step 1, to call BEFORE loading the data: the current generation of every tag, creating missing counters at a
     * random start, refreshing every counter's TTL.
     */
    public TagGenerations generations(Collection<String> tags) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(tags));
        if (distinct.isEmpty()) {
            return new TagGenerations(Map.of());
        }
        List<String> keys = new ArrayList<>(distinct.size());
        List<String> args = new ArrayList<>(distinct.size() + 1);
        args.add(Long.toString(tagTtl.toMillis()));
        for (String tag : distinct) {
            keys.add(layout.tag(tag));
            args.add(Long.toString(randomStart()));
        }
        Object reply = redis.eval(LuaScripts.GENERATIONS, keys, args);
        if (!(reply instanceof List<?> values) || values.size() != distinct.size()) {
            throw unexpected("generations", reply);
        }
        Map<String, Long> byTag = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byTag.put(distinct.get(i), asLong("generations", values.get(i)));
        }
        return new TagGenerations(byTag);
    }

    /**
     * Fill step 3: writes {@code dataJson} at {@code key} with {@code ttl}, recording {@code generations} (from step 1,
     * read before the data was loaded). Refused (false) when a tag was invalidated since step 1: that data may predate
     * the invalidation.
     */
    public boolean put(String key, String dataJson, TagGenerations generations, Duration ttl) {
        if (ttl.compareTo(tagTtl) >= 0) {
            throw new IllegalArgumentException(
                    "an entry TTL (" + ttl + ") must be shorter than the tag TTL (" + tagTtl + ")");
        }
        ObjectNode entry = mapper.createObjectNode();
        ObjectNode tags = entry.putObject("tags");
        generations.byTag().forEach(tags::put);
        entry.set("data", parse(dataJson));
        List<String> keys = new ArrayList<>();
        keys.add(key);
        List<String> args = new ArrayList<>();
        args.add(entry.toString());
        args.add(Long.toString(Math.max(1, ttl.toMillis())));
        args.add(Long.toString(tagTtl.toMillis()));
        generations.byTag().forEach((tag, generation) -> {
            keys.add(layout.tag(tag));
            args.add(Long.toString(generation));
        });
        return asLong("put", redis.eval(LuaScripts.PUT, keys, args)) == 1;
    }

    /**
     * The fresh entry at {@code key}, or else: read the generations of {@code tags}, call {@code loader}, store what it
     * returns with those generations. A loader answer of null is returned as empty and not cached.
     */
    public Optional<String> getOrLoad(String key, Collection<String> tags, Duration ttl, Supplier<String> loader) {
        Optional<String> cached = get(key);
        if (cached.isPresent()) {
            return cached;
        }
        TagGenerations generations = generations(tags);
        String loaded = loader.get();
        if (loaded == null) {
            return Optional.empty();
        }
        put(key, loaded, generations, ttl);
        return Optional.of(loaded);
    }

    /** Invalidates {@code tag} in O(1): every entry that carries it is stale from now on. Returns the new generation. */
    public long invalidate(String tag) {
        return asLong(
                "invalidate",
                redis.eval(
                        LuaScripts.INVALIDATE,
                        List.of(layout.tag(tag)),
                        List.of(Long.toString(tagTtl.toMillis()), Long.toString(randomStart()))));
    }

    /** The key layout this cache writes. */
    public KeyLayout layout() {
        return layout;
    }

    /** A random start value for a new tag counter. */
    static long randomStart() {
        return ThreadLocalRandom.current().nextLong(MIN_START, MAX_START);
    }

    private JsonNode parse(String dataJson) {
        try {
            return mapper.readTree(Objects.requireNonNull(dataJson, "dataJson"));
        } catch (JsonProcessingException e) {
            throw new IdentityCacheException(
                    IdentityCacheErrorCode.INVALID_DATA, "the data to cache is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static long asLong(String script, Object reply) {
        if (reply instanceof Long value) {
            return value;
        }
        throw unexpected(script, reply);
    }

    static IdentityCacheException unexpected(String script, Object reply) {
        return new IdentityCacheException(
                IdentityCacheErrorCode.UNEXPECTED_REPLY,
                "script '" + script + "' answered "
                        + (reply == null ? "nil" : reply.getClass().getSimpleName()));
    }
}
