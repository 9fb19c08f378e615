package dev.tenantfleet.service.keyrotation;

import java.util.List;

/**
 * Outcome of a key rotation pass; partial when {@code failed} is not empty.
 *
 * @param primaryKeyId the key everything was re-encrypted to
 * @param examined     tenants looked at
 * @param reencrypted  tenants whose password moved to the primary key
 * @param failed       tenants whose password could not be decrypted (key missing from the ring), with the reason
 */
public record ReencryptionResult(String primaryKeyId, int examined, int reencrypted, List<Failure> failed) {
    /** One tenant that could not be re-encrypted. */
    public record Failure(String slug, String keyId, String reason) {}
}
