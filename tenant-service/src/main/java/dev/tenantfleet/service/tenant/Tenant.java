package dev.tenantfleet.service.tenant;

import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.service.server.DatabaseServer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A tenant and its database. The database password is stored only encrypted (AES-256-GCM, with key id). */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {
    @Id
    public UUID id;

    public String slug;

    @Column(name = "display_name")
    public String displayName;

    @Enumerated(EnumType.STRING)
    public TenantStatus status;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "server_id")
    public DatabaseServer server;

    @Column(name = "database_name")
    public String databaseName;

    @Column(name = "role_name")
    public String roleName;

    @Column(name = "password_ciphertext")
    public String passwordCiphertext;

    @Column(name = "password_key_id")
    public String passwordKeyId;

    @Column(name = "schema_head")
    public String schemaHead;

    @Enumerated(EnumType.STRING)
    @Column(name = "provisioning_step")
    public ProvisioningStep provisioningStep;

    @Column(name = "provisioning_command_id")
    public UUID provisioningCommandId;

    @Column(name = "failure_code")
    public String failureCode;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @Version
    public long version;

    /** The tenant with this slug, if any. */
    public static Optional<Tenant> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The encrypted database password. */
    public EncryptedSecret password() {
        return new EncryptedSecret(passwordKeyId, passwordCiphertext);
    }

    /** Replaces the encrypted database password. */
    public void password(EncryptedSecret secret) {
        passwordKeyId = secret.keyId();
        passwordCiphertext = secret.ciphertext();
    }

    /** Moves to {@code target}, stamping the change. The caller has checked the lifecycle allows it. */
    public void moveTo(TenantStatus target) {
        status = target;
        updatedAt = Instant.now();
    }

    @Override
    public String toString() {
        return "Tenant[" + slug + ", " + status + "]";
    }
}
