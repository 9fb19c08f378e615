package dev.tenantfleet.identity.cache;

import dev.tenantfleet.model.error.ErrorCode;

/** Why an identity-cache operation failed. */
public enum IdentityCacheErrorCode implements ErrorCode {
    REDIS_UNAVAILABLE("Redis could not be reached or did not answer in time; check it is up, then retry."),
    REDIS_ERROR("Redis answered a script with an error; see the message (a wrong key type, a script bug)."),
    UNEXPECTED_REPLY(
            "A script answered something its caller does not understand; check the Redis version and the key layout."),
    INVALID_DATA("The data to cache is not valid JSON; fix the loader.");

    private final String hint;

    IdentityCacheErrorCode(String hint) {
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
