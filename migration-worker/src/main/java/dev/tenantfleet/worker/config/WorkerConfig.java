package dev.tenantfleet.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the migration worker ({@code tenantfleet.*}); every property can be set through the environment. */
@ConfigMapping(prefix = "tenantfleet")
public interface WorkerConfig {

    /** AES-256-GCM key ring {@code id:base64key[,id:base64key...]} that decrypts tenant passwords (env {@code TENANTFLEET_KEYS}); required. */
    String keys();

    /** Which tenant changelog the worker applies. */
    Changelog changelog();

    /** How tenant migrations are run. */
    Migration migration();

    /** The tenant changelog. */
    interface Changelog {
        /**
         * Master changelog: {@code classpath:<resource>}, a file-system path to the master file (its folder is the root
         * for includes), a directory or a {@code .jar}/{@code .zip} holding a {@code db.changelog-master.*}, or
         * {@code <directory or archive>!/<master path inside it>} (see docs/adopting.md). Must be tenant-service's.
         */
        @WithDefault("classpath:crm-changelog/db.changelog-master.xml")
        String location();

        /** Reuse a parse of the changelog from one tenant's command to the next instead of parsing it for each. */
        @WithDefault("true")
        boolean reuseParsed();
    }

    /** Tenant migration tuning. */
    interface Migration {
        /** How many tenants one worker migrates at the same time (also the broker prefetch). */
        @WithDefault("4")
        int concurrency();

        /** How long to wait for the tenant's advisory lock held by another migration before failing with LOCKED. */
        @WithDefault("PT60S")
        Duration lockWait();

        /** How many times a connectivity failure (SQLState 08xxx) is retried before failing with TRANSIENT_CONNECTIVITY. */
        @WithDefault("3")
        int connectRetries();

        /** First backoff between connectivity retries; doubles on every retry. */
        @WithDefault("PT0.5S")
        Duration connectBackoff();

        /** TCP connect timeout of a tenant database connection. */
        @WithDefault("PT10S")
        Duration connectTimeout();

        /** How long to wait for the broker to confirm a published result before the command is requeued. */
        @WithDefault("PT30S")
        Duration publishTimeout();
    }
}
