package dev.tenantfleet.identity.config;

import dev.tenantfleet.identity.cache.CacheSettings;
import dev.tenantfleet.identity.cache.IdentityCaches;
import dev.tenantfleet.identity.redis.QuarkusRedisPort;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The identity caches over the Quarkus Redis client, with the configured prefix and TTLs (checked at startup). */
public class IdentityCachesProducer {

    @Produces
    @Singleton
    @Startup
    IdentityCaches identityCaches(QuarkusRedisPort redis, IdentityConfig config) {
        IdentityConfig.Cache cache = config.cache();
        return new IdentityCaches(
                redis,
                new CacheSettings(
                        cache.prefix(),
                        cache.tagTtl(),
                        cache.tenantUserTtl(),
                        cache.policiesTtl(),
                        cache.userPayloadTtl(),
                        cache.tenantStatusTtl(),
                        cache.versionTtl()));
    }
}
