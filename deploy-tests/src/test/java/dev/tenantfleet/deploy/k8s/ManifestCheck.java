package dev.tenantfleet.deploy.k8s;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Programs;

/** One aspect of the Kubernetes manifests checked against the services' real configuration. */
interface ManifestCheck {
    void check(ManifestSet set, Programs programs, Problems problems);
}
