package dev.tenantfleet.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of identity-consumer ({@code identity.*}); every property can be set through the environment. */
@ConfigMapping(prefix = "identity")
public interface IdentityConfig {

    /** The tenant this consumer is bound to (env {@code TENANT_ID}); empty: fleet-wide (every tenant). */
    Optional<String> tenantId();

    /** Redis key layout and TTLs (docs/identity.md). */
    Cache cache();

    /** Consumer concurrency. */
    Consumer consumer();

    /** In-process retries of events that cannot be applied yet (Redis or a tenant database down). */
    Retry retry();

    /** Tenant-side cleanup when a user leaves a tenant. */
    Cleanup cleanup();

    /** Key prefix and TTLs of the caches. */
    interface Cache {
        /** Prefix of every key except {@code identity.user:*}. */
        @WithDefault("tf")
        String prefix();

        /** TTL of tag generation counters; must exceed every entry TTL. */
        @WithDefault("PT2H")
        Duration tagTtl();

        /** TTL of a tenant's view of a user. */
        @WithDefault("PT15M")
        Duration tenantUserTtl();

        /** TTL of a tenant's policies. */
        @WithDefault("PT15M")
        Duration policiesTtl();

        /** TTL of a token's user payload. */
        @WithDefault("PT60S")
        Duration userPayloadTtl();

        /** TTL of the tenant status mirror. */
        @WithDefault("P7D")
        Duration tenantStatusTtl();

        /** TTL of the last applied version of an entity (an event reordered by more than this is applied again). */
        @WithDefault("P7D")
        Duration versionTtl();
    }

    /** How many events are worked on at once. */
    interface Consumer {
        /** Worker threads applying batches of identity events at once (also the Redis connection pool size). */
        @WithDefault("4")
        int concurrency();

        /** Most identity events one worker takes at once (what arrived while the workers were busy, up to this). */
        @WithDefault("100")
        int maxBatch();

        /** How long shutdown waits for the workers to finish their batches (the rest goes back to the queue). */
        @WithDefault("PT10S")
        Duration shutdownTimeout();

        /** Unacknowledged identity events the broker may push ahead (prefetch). */
        @WithDefault("300")
        int prefetch();

        /**
         * How long to wait for the broker to confirm a dead-lettered message before the original is requeued (the shared
         * dead-letter publisher reads it as {@code tenantfleet.messaging.dead-letters.publish-timeout}, bound to this
         * in application.properties).
         */
        @WithDefault("PT30S")
        Duration publishTimeout();
    }

    /** Exponential backoff of in-process retries; after {@link #maxDuration()} the event is nacked with requeue. */
    interface Retry {
        /** First wait. */
        @WithDefault("PT0.1S")
        Duration initialBackoff();

        /** Longest single wait (the wait doubles up to this). */
        @WithDefault("PT5S")
        Duration maxBackoff();

        /** Total time spent retrying one delivery before it goes back to the queue. */
        @WithDefault("PT30S")
        Duration maxDuration();
    }

    /** The tenant-side cleanup run in the tenant's database when a membership is removed. */
    interface Cleanup {
        /** Whether membership-removed runs the cleanup statements (the cache invalidation always happens). */
        @WithDefault("true")
        boolean enabled();

        /**
         * Statements run in one transaction as the tenant's own role; {@code :userId} is the removed user's id (uuid).
         * Each must be idempotent. Default: the example CRM schema (unassign the user's open tasks and open deals).
         */
        @WithDefault(
                "DELETE FROM task_assignments ta USING tasks t WHERE ta.task_id = t.id AND t.status = 'open' AND ta.user_id = :userId,"
                        + "UPDATE deals d SET owner_id = NULL FROM deal_stages s WHERE s.code = d.stage_code AND NOT s.is_closed AND d.owner_id = :userId")
        List<String> statements();

        /** Credential key ring {@code id:base64key[,...]} that decrypts tenant passwords (env {@code TENANTFLEET_KEYS}). */
        Optional<String> keys();

        /** How long the connection details of a tenant (read from the control database) are reused. */
        @WithDefault("PT10M")
        Duration connectionCacheTtl();

        /** TCP connect timeout to a tenant database. */
        @WithDefault("PT10S")
        Duration connectTimeout();

        /** statement_timeout and lock_timeout of the cleanup transaction. */
        @WithDefault("PT30S")
        Duration statementTimeout();
    }
}
