package dev.tenantfleet.service.audit;

import dev.tenantfleet.model.tenant.TenantStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audited act on a tenant: who, what, why, when. Append-only. */
@Entity
@Table(name = "tenant_audit")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    public String actor;
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TenantStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public TenantStatus toStatus;

    public String reason;
    public String details;
    public Instant at;
}
