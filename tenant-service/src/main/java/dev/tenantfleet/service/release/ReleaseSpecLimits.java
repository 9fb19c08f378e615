package dev.tenantfleet.service.release;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.model.release.ReleaseSpec;
import java.util.List;

/**
 * Bounds of a release spec, checked before anything is stored: a refused release is recorded with its spec, so an
 * unbounded one would be kept and served back (issue 13). The target tag must fit its column; a slug list cannot name
 * more tenants than a fleet holds or a slug longer than the slug rule allows.
 */
final class ReleaseSpecLimits {
    /** Length of the release.target_tag column. */
    static final int MAX_TAG_LENGTH = 255;
    /** A sha256 digest with its prefix is 71 characters. */
    static final int MAX_DIGEST_LENGTH = 100;
    /** Most slugs {@code only} and the cohort lists may name together. */
    static final int MAX_SLUGS = 10_000;
    /** The slug rule allows 41 characters. */
    static final int MAX_SLUG_LENGTH = 41;

    private ReleaseSpecLimits() {}

    /** {@code spec}, or INVALID_REQUEST naming the first field beyond its bound. */
    static ReleaseSpec check(ReleaseSpec spec) {
        requireLength("spec.targetTag", spec.targetTag(), MAX_TAG_LENGTH);
        requireLength("spec.changelogDigest", spec.changelogDigest(), MAX_DIGEST_LENGTH);
        requireSlugs("spec.only", spec.only());
        requireSlugs(
                "spec.cohorts.lists",
                spec.cohorts().lists().stream().flatMap(List::stream).toList());
        return spec;
    }

    private static void requireSlugs(String field, List<String> slugs) {
        if (slugs.size() > MAX_SLUGS) {
            throw invalid(field + " names " + slugs.size() + " tenants; at most " + MAX_SLUGS);
        }
        for (String slug : slugs) {
            requireLength(field, slug, MAX_SLUG_LENGTH);
        }
    }

    private static void requireLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid(field + " is " + value.length() + " characters long; at most " + max);
        }
    }

    private static TenantFleetException invalid(String message) {
        return new TenantFleetException(TenantErrorCode.INVALID_REQUEST, message);
    }
}
