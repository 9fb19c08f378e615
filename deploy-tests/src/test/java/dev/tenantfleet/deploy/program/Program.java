package dev.tenantfleet.deploy.program;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One thing this repository ships as an image, with what it really reads: a Quarkus service (with an HTTP side) or
 * tenantctl.
 *
 * @param name       the module's directory name, which is also the image's last path segment
 * @param module     the module directory
 * @param reads      every environment variable it reads
 * @param required   what it cannot run without
 * @param http       port, health and metrics paths (services only)
 * @param dockerfile its Dockerfile
 */
public record Program(
        String name,
        Path module,
        EnvReads reads,
        List<Requirement> required,
        Optional<QuarkusHttp> http,
        DockerfileFacts dockerfile) {}
