package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One YAML document under k8s/.
 *
 * @param file  where it is, relative to the repository root (for messages)
 * @param index its position in the file
 * @param doc   the document
 * @param role  what Kustomize does with it
 */
public record Manifest(String file, int index, JsonNode doc, Role role) {

    /** How a document takes part in a build. */
    public enum Role {
        /** a {@code resources:} entry: a whole object */
        RESOURCE,
        /** a {@code patches:} entry: a partial object merged into a resource of the same kind and name */
        PATCH,
        /** created out of band (k8s/secrets.example.yaml): never applied by Kustomize, but referenced */
        EXTERNAL,
        /** a kustomization.yaml */
        KUSTOMIZATION,
        /** in no kustomization: dead, or forgotten */
        UNREFERENCED
    }

    public String kind() {
        return doc.path("kind").asText("");
    }

    public String name() {
        return doc.path("metadata").path("name").asText("");
    }

    public String where() {
        return file + (index > 0 ? "#" + index : "") + " " + kind() + "/" + name();
    }

    /** A whole object a build or the cluster holds (not a patch). */
    public boolean isObject() {
        return role == Role.RESOURCE || role == Role.EXTERNAL;
    }
}
