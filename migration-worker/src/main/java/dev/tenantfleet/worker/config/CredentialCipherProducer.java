package dev.tenantfleet.worker.config;

import dev.tenantfleet.model.crypto.CredentialCipher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the credential cipher once from {@code tenantfleet.keys}; a bad key ring fails the startup, not the first command. */
public class CredentialCipherProducer {

    @Produces
    @Singleton
    CredentialCipher credentialCipher(WorkerConfig config) {
        return CredentialCipher.fromKeyRing(config.keys());
    }
}
