package dev.tenantfleet.deploy.k8s;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Programs;

/** Every document is an object Kubernetes (or Kustomize) can take: apiVersion, kind and a name. */
final class DocumentCheck implements ManifestCheck {

    @Override
    public void check(ManifestSet set, Programs programs, Problems problems) {
        set.stream().filter(m -> m.role() != Manifest.Role.KUSTOMIZATION).forEach(m -> {
            if (m.doc().path("apiVersion").asText().isEmpty()
                    || m.kind().isEmpty()
                    || m.name().isEmpty()) {
                problems.add(m.where(), "needs apiVersion, kind and metadata.name");
            }
        });
    }
}
