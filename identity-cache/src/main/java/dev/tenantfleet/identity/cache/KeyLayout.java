package dev.tenantfleet.identity.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * The Redis keys of the identity caches (docs/identity.md, "Key layout"). Every key starts with {@link #prefix()}
 * except the user payload cache, whose name {@code identity.user:<sha256-hex(token)>} is fixed by contract.
 *
 * @param prefix key prefix, default {@value #DEFAULT_PREFIX}; no trailing colon
 */
public record KeyLayout(String prefix) {
    /** The default key prefix. */
    public static final String DEFAULT_PREFIX = "tf";
    /** Key prefix of the user payload cache; not configurable. */
    public static final String USER_PAYLOAD_PREFIX = "identity.user:";

    public KeyLayout {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isBlank() || prefix.endsWith(":")) {
            throw new IllegalArgumentException(
                    "the key prefix must be non-blank and not end with ':', got '" + prefix + "'");
        }
    }

    /** The prefix of every tag counter key, {@code <prefix>:tag:}. */
    public String tagPrefix() {
        return prefix + ":tag:";
    }

    /** The generation counter of {@code tag}: {@code <prefix>:tag:<tag>}. */
    public String tag(String tag) {
        return tagPrefix() + tag;
    }

    /** A tenant's view of a user: {@code <prefix>:t:<tenant-id>:user:<user-id>}. */
    public String tenantUser(UUID tenantId, UUID userId) {
        return prefix + ":t:" + tenantId + ":user:" + userId;
    }

    /** All policies of a tenant, one entry: {@code <prefix>:t:<tenant-id>:policies}. */
    public String tenantPolicies(UUID tenantId) {
        return prefix + ":t:" + tenantId + ":policies";
    }

    /** The payload of an access token: {@code identity.user:<sha256-hex(token)>} (never the token itself). */
    public String userPayload(String token) {
        return USER_PAYLOAD_PREFIX + sha256Hex(token);
    }

    /** The mirrored status of a tenant: {@code <prefix>:tenant-status:<tenant-id>}. */
    public String tenantStatus(UUID tenantId) {
        return prefix + ":tenant-status:" + tenantId;
    }

    /** The last version applied to an entity: {@code <prefix>:ver:<entity>}, e.g. {@code tf:ver:user:<id>}. */
    public String version(String entity) {
        return prefix + ":ver:" + entity;
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code value}. */
    public static String sha256Hex(String value) {
        Objects.requireNonNull(value, "value");
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
