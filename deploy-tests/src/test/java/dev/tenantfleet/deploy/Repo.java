package dev.tenantfleet.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository under test: surefire passes its root as {@code tenantfleet.root} (the reactor root). */
public final class Repo {
    private Repo() {}

    /** The repository root, checked to hold the root pom, so a wrong root fails loudly instead of checking nothing. */
    public static Path root() {
        Path root = Path.of(System.getProperty("tenantfleet.root", ".."))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("tenant-service"))) {
            throw new IllegalStateException("not the Tenant Fleet repository root: " + root);
        }
        return root;
    }
}
