package dev.tenantfleet.service.keyrotation;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.service.audit.AuditAction;
import dev.tenantfleet.service.audit.AuditLog;
import dev.tenantfleet.service.credentials.Credentials;
import dev.tenantfleet.service.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Key rotation: put the new key first in TENANTFLEET_KEYS (old keys after it), restart, then call
 * {@link #reencryptAll}; once it reports no failures the old keys can leave the ring.
 */
@ApplicationScoped
public class CredentialRotation {
    private static final Logger LOG = Logger.getLogger(CredentialRotation.class);

    private final Credentials credentials;
    private final AuditLog audit;

    CredentialRotation(Credentials credentials, AuditLog audit) {
        this.credentials = credentials;
        this.audit = audit;
    }

    /** Re-encrypts every tenant password not yet under the primary key. */
    @Transactional
    public ReencryptionResult reencryptAll(String actor) {
        CredentialCipher cipher = credentials.cipher();
        List<Tenant> tenants = Tenant.listAll();
        List<ReencryptionResult.Failure> failed = new ArrayList<>();
        int reencrypted = 0;
        for (Tenant tenant : tenants) {
            EncryptedSecret current = tenant.password();
            if (cipher.isCurrent(current)) {
                continue;
            }
            try {
                tenant.password(cipher.reencrypt(current));
                audit.record(
                        tenant.id,
                        actor,
                        AuditAction.CREDENTIALS_REENCRYPTED,
                        null,
                        null,
                        "key rotation",
                        "from key " + current.keyId() + " to " + cipher.primaryKeyId());
                reencrypted++;
            } catch (TenantFleetException e) {
                failed.add(new ReencryptionResult.Failure(tenant.slug, current.keyId(), e.getMessage()));
            }
        }
        LOG.infof(
                "Re-encrypted %d of %d tenant credentials to key %s, %d failed",
                reencrypted, tenants.size(), cipher.primaryKeyId(), failed.size());
        return new ReencryptionResult(cipher.primaryKeyId(), tenants.size(), reencrypted, failed);
    }
}
