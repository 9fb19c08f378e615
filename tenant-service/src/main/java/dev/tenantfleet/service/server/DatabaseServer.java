package dev.tenantfleet.service.server;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A PostgreSQL server that holds tenant databases. Its admin login is referenced, never stored. */
@Entity
@Table(name = "database_server")
public class DatabaseServer extends PanacheEntityBase {
    @Id
    public UUID id;

    public String name;
    public String host;
    public int port;

    @Column(name = "admin_credentials_ref")
    public String adminCredentialsRef;

    @Column(name = "concurrency_cap")
    public int concurrencyCap;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The server called {@code name}, if registered. */
    public static Optional<DatabaseServer> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
