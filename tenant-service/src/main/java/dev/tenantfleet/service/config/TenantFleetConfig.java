package dev.tenantfleet.service.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything tenant-service reads from configuration under {@code tenantfleet.*}. */
@ConfigMapping(prefix = "tenantfleet")
public interface TenantFleetConfig {

    /** Bearer token every API call except health must present; set from SYSTEM_API_TOKEN. */
    String apiToken();

    /** Credential key ring {@code id:base64key[,id:base64key...]}; the first key encrypts. Set from TENANTFLEET_KEYS. */
    String keys();

    /** Admin logins of database servers, by the credentials reference a server names. */
    Map<String, ServerCredentials> serverCredentials();

    /** The database server registered at startup and used when a tenant names none. */
    DefaultServer defaultServer();

    /** Provisioning of new tenant databases. */
    Provisioning provisioning();

    /** The transactional outbox relay. */
    Outbox outbox();

    /** The tenant changelog (the same one the workers apply). */
    Changelog changelog();

    /** Fleet releases. */
    Releases release();

    /** Adopting existing databases as tenants ({@code POST /api/tenants/adopt} and {@code /import}). */
    Adoption adoption();

    /** The fleet gauges at {@code /q/metrics}. */
    Metrics metrics();

    /** Limits of the REST API. */
    Http http();

    /** Limits of the REST API beyond Quarkus's own ({@code quarkus.http.limits.*}). */
    interface Http {
        /**
         * Largest request body of every endpoint but the imports, which may send up to
         * {@code quarkus.http.limits.max-body-size}: no single tenant, server or release needs more.
         */
        @WithDefault("1M")
        MemorySize maxJsonBodySize();
    }

    /** How the fleet gauges are computed. */
    interface Metrics {
        /**
         * How often the control database is counted for the fleet gauges (a scrape reads the cached counts); also read
         * by FleetGauges' {@code @Scheduled} expression.
         */
        @WithDefault("15s")
        Duration refreshInterval();
    }

    /** How existing databases are checked and adopted. */
    interface Adoption {
        /** How many tenant databases an adoption checks (and baselines) in parallel. */
        @WithDefault("8")
        int validationConcurrency();

        /** How long to wait for a tenant database (and for its server's port) to accept a connection. */
        @WithDefault("5S")
        Duration connectTimeout();

        /** Most rows one import may hold; split larger files. */
        @WithDefault("10000")
        int maxRows();
    }

    /** Where the tenant changelog is. */
    interface Changelog {
        /**
         * Master changelog: classpath:..., a file-system path to the master file, a directory or .jar/.zip holding a
         * db.changelog-master.*, or {@code <directory or archive>!/<master path inside it>}; must be the workers'.
         */
        @WithDefault("classpath:crm-changelog/db.changelog-master.xml")
        String location();
    }

    /** How releases are run. */
    interface Releases {
        /** Extra time past a tenant's timeout before a missing worker result fails it (a worker may be redelivering). */
        @WithDefault("5M")
        Duration resultGrace();

        /** How many tenant databases a release's preflight, plan and fleet status read in parallel. */
        @WithDefault("8")
        int inspectionConcurrency();
    }

    /** One admin login; kept out of the control database on purpose. */
    interface ServerCredentials {
        /** Admin role name on the database server (needs CREATEROLE and CREATEDB, and may create extensions). */
        @WithDefault("postgres")
        String username();

        /** Its password; absent for trust authentication. */
        Optional<String> password();
    }

    /** The database server tenant-service registers for itself at startup. */
    interface DefaultServer {
        /** Name tenants refer to it by. */
        @WithDefault("local")
        String name();

        /** Host of the PostgreSQL server. */
        @WithDefault("127.0.0.1")
        String host();

        /** Port of the PostgreSQL server. */
        @WithDefault("5432")
        int port();

        /** Name under tenantfleet.server-credentials.* holding its admin username and password. */
        @WithDefault("local")
        String credentialsRef();

        /** How many tenants of this server may migrate at once. */
        @WithDefault("4")
        int concurrencyCap();
    }

    /** How tenants are provisioned. */
    interface Provisioning {
        /** How many tenants are provisioned in parallel by this instance. */
        @WithDefault("2")
        int concurrency();

        /** Changelog tag new tenants are migrated to; empty means the changelog head. */
        Optional<String> targetTag();

        /** Base lookup data loaded into new tenants after migration: classpath:..., a file path, or none. */
        @WithDefault("classpath:crm-changelog/seed/base-lookup-data.sql")
        String seedLocation();

        /** Prefix of the database and role names derived from a slug. */
        @WithDefault("tf_")
        String namePrefix();

        /** How long a tenant may wait for its migration result before provisioning fails (no worker running?). */
        @WithDefault("10M")
        Duration migrationTimeout();

        /** How long to wait for a database server to accept a connection. */
        @WithDefault("5S")
        Duration connectTimeout();

        /**
         * How often each instance resumes provisioning that no instance is running and whose step has not moved for
         * as long (its replica was killed mid-step); also read by ProvisioningRecovery's {@code @Scheduled} expression.
         */
        @WithDefault("10s")
        Duration recoveryInterval();
    }

    /** The outbox relay that publishes committed messages to RabbitMQ. */
    interface Outbox {
        /** How many pending messages one relay pass publishes at most. */
        @WithDefault("200")
        int batchSize();

        /** How long to wait for the broker's publisher confirms of one batch. */
        @WithDefault("10S")
        Duration confirmTimeout();
    }
}
