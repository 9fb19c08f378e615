package dev.tenantfleet.worker.tenantdb.failure;

import dev.tenantfleet.changelog.TenantChangelog;
import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;

/** Checks every per-tenant command passes before the worker touches the tenant database. */
public final class CommandChecks {

    private CommandChecks() {}

    /**
     * Refuses a command that expects another changelog.
     *
     * @param expectedDigest the command's digest; null skips the check
     * @throws TenantWorkException CHANGELOG_MISMATCH
     */
    public static void sameChangelog(String expectedDigest, TenantChangelog changelog) {
        if (expectedDigest != null && !expectedDigest.equals(changelog.digest())) {
            throw refused(
                    MigrationErrorCode.CHANGELOG_MISMATCH,
                    "the command expects changelog " + expectedDigest + " but this worker has " + changelog.digest());
        }
    }

    /**
     * Decrypts the tenant password; it lives only in memory and in the driver properties.
     *
     * @throws TenantWorkException CREDENTIALS when it cannot be decrypted
     */
    public static String password(CredentialCipher cipher, EncryptedSecret secret) {
        try {
            return cipher.decrypt(secret);
        } catch (RuntimeException e) {
            throw refused(MigrationErrorCode.CREDENTIALS, "the tenant password cannot be decrypted: " + e.getMessage());
        }
    }

    /** A refusal before anything was touched (the head is unknown: the database was not read). */
    public static TenantWorkException refused(MigrationErrorCode code, String message) {
        return TenantWorkException.refused(new MigrationError(code, message, code.hint(), null), null);
    }
}
