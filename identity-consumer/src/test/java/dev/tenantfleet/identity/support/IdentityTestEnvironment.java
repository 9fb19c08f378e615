package dev.tenantfleet.identity.support;

import dev.tenantfleet.identity.cache.support.LocalRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import redis.clients.jedis.JedisPooled;

/**
 * What one test application needs besides the broker: a random Redis key prefix (its keys are deleted when the
 * application stops) and a throw-away control database {@code tf_identity_it_ctl_<random>} holding the two tables
 * identity-consumer reads, as tenant-service's {@code db/changelog.xml} defines them (dropped when it stops).
 */
public class IdentityTestEnvironment implements QuarkusTestResourceLifecycleManager {
    private String prefix;
    private String controlDb;

    @Override
    public Map<String, String> start() {
        prefix = LocalRedis.randomPrefix();
        controlDb = "tf_identity_it_ctl_" + LocalRedis.randomHex(6);
        try (Connection admin = Postgres.admin("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + controlDb);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test control database: " + e.getMessage(), e);
        }
        try (Connection admin = Postgres.admin(controlDb);
                Statement statement = admin.createStatement()) {
            statement.execute("""
                    CREATE TABLE database_server (
                      id uuid PRIMARY KEY, name varchar(63) NOT NULL UNIQUE, host varchar(255) NOT NULL, port int NOT NULL,
                      admin_credentials_ref varchar(63), concurrency_cap int NOT NULL DEFAULT 4,
                      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())""");
            statement.execute("""
                    CREATE TABLE tenant (
                      id uuid PRIMARY KEY, slug varchar(41) NOT NULL UNIQUE, display_name varchar(200) NOT NULL,
                      status varchar(24) NOT NULL, server_id uuid NOT NULL REFERENCES database_server(id),
                      database_name varchar(63) NOT NULL, role_name varchar(63) NOT NULL,
                      password_ciphertext text NOT NULL, password_key_id varchar(63) NOT NULL,
                      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())""");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test control schema: " + e.getMessage(), e);
        }
        return Map.of("identity.cache.prefix", prefix, "quarkus.datasource.jdbc.url", Postgres.url(controlDb));
    }

    @Override
    public void stop() {
        try (JedisPooled redis = LocalRedis.client()) {
            LocalRedis.deletePrefix(redis, prefix);
        }
        try (Connection admin = Postgres.admin("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + controlDb + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test control database " + controlDb, e);
        }
    }
}
