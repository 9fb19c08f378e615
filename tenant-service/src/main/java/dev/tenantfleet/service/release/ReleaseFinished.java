package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseStatus;
import java.util.UUID;

/**
 * Fired in the transaction that moves a release to a final status (a refused release included); observe it with
 * {@code during = AFTER_SUCCESS} to act only once that is committed (the release metrics do).
 *
 * @param releaseId the release
 * @param outcome   its final status
 */
public record ReleaseFinished(UUID releaseId, ReleaseStatus outcome) {}
