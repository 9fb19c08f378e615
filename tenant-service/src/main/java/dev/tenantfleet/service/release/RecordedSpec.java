package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseSpec;

/**
 * What of a release's spec the control database keeps: within its columns whatever the request carried. A release
 * command from the broker is not bounded by the REST API's request limits, and a refused release must still be
 * recordable, or the deploy job waiting on it would never learn why.
 */
final class RecordedSpec {
    /** The {@code release.target_tag} column's size. */
    static final int MAX_TARGET_TAG = 255;
    /** Largest spec a refused release keeps whole; beyond it only the target (its spec is never used again). */
    static final int MAX_SPEC_JSON = 64 * 1024;

    private RecordedSpec() {}

    /** The {@code release.requested_by} column's size. */
    static final int MAX_REQUESTED_BY = 200;
    /** Longest reason kept: enough for any refusal, short enough for an event. */
    static final int MAX_REASON = 4000;

    static String targetTag(ReleaseSpec spec) {
        return bounded(spec.targetTag(), MAX_TARGET_TAG);
    }

    /** {@code text}, cut to {@code max} characters (ending in "...") when longer; null stays null. */
    static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** The spec of a refused release: whole when small, else only its (bounded) target. */
    static String json(ReleaseSpec spec) {
        String json = ReleaseJson.write(spec);
        if (json.length() <= MAX_SPEC_JSON && spec.targetTag().length() <= MAX_TARGET_TAG) {
            return json;
        }
        return ReleaseJson.write(new ReleaseSpec(
                targetTag(spec), null, null, null, null, null, null, null, null, null, null, null, null));
    }
}
