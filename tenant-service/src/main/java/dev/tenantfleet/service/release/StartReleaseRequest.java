package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseSpec;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Starts a release; {@code releaseId} lets the caller bind to its events first (a new one is chosen when absent). */
public record StartReleaseRequest(UUID releaseId, @NotNull ReleaseSpec spec) {}
