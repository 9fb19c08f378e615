package dev.tenantfleet.identity.cache.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The local Redis the tests share with everything else on this machine (127.0.0.1:6379 unless {@code REDIS_HOST} /
 * {@code REDIS_PORT} say otherwise). Tests only ever write under a random key prefix (and under
 * {@code identity.user:<sha256 of a random token>}) and delete what they wrote.
 */
public final class LocalRedis {
    public static final String HOST = env("REDIS_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("REDIS_PORT", "6379"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalRedis() {}

    /** A new client of the shared Redis; close it. */
    public static JedisPooled client() {
        return new JedisPooled(HOST, PORT);
    }

    /** A key prefix no other test run uses: {@code tf-test-<hex>}. */
    public static String randomPrefix() {
        return "tf-test-" + randomHex(6);
    }

    /** Random lowercase hex of {@code bytes} bytes. */
    public static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** Every key matching {@code pattern} (SCAN, never KEYS). */
    public static List<String> keys(JedisPooled redis, String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(pattern).count(1000);
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** Deletes every key under {@code prefix}; returns how many there were. */
    public static int deletePrefix(JedisPooled redis, String prefix) {
        List<String> keys = keys(redis, prefix + ":*");
        for (int i = 0; i < keys.size(); i += 500) {
            redis.del(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(String[]::new));
        }
        return keys.size();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
