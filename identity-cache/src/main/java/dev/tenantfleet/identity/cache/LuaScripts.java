package dev.tenantfleet.identity.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts of the protocol, read from {@code dev/tenantfleet/identity/cache/lua/*.lua} on the class path (the
 * same files docs/identity.md points other languages to).
 */
public final class LuaScripts {
    /** Read a tagged entry: fresh entry JSON or nil (a stale entry is deleted). */
    public static final String READ = load("read");
    /** Fill step 1: current generation of every tag, created at a random start when missing; refreshes TTLs. */
    public static final String GENERATIONS = load("generations");
    /** Fill step 3: write the entry if its recorded generations are still current. */
    public static final String PUT = load("put");
    /** Invalidate one tag: INCR (or create at a random start) and refresh its TTL. */
    public static final String INVALIDATE = load("invalidate");
    /**
     * Whether a version is newer than the last one applied to the entity and, unless asked only to check, the
     * invalidation of tags (none or more) and the version record, atomically: the one comparison of versions.
     */
    public static final String VERSION_IF_NEWER = load("version-if-newer");
    /** ARGV[2] of {@link #VERSION_IF_NEWER} that asks only whether the version is newer. */
    public static final String CHECK_ONLY = "check";
    /** Compare-and-set of the tenant status mirror by event time. */
    public static final String TENANT_STATUS_CAS = load("tenant-status-cas");
    /** Plain GET of one key. */
    public static final String GET = load("get");

    private LuaScripts() {}

    /** The SHA-1 of a script as Redis computes it for SCRIPT LOAD / EVALSHA (lowercase hex). */
    public static String sha1(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    private static String load(String name) {
        String resource = "lua/" + name + ".lua";
        try (InputStream in = LuaScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing script " + resource + " next to " + LuaScripts.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script " + resource, e);
        }
    }
}
