package dev.tenantfleet.worker.changelog;

import dev.tenantfleet.changelog.TenantChangelog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/changelog}: which changelog this worker applies, so a release can be checked against it. */
@Path("/api/changelog")
public class ChangelogResource {

    /**
     * The worker's changelog.
     *
     * @param digest the digest a migrate command must carry (or omit) to be accepted
     * @param tags   the releases, in changelog order
     * @param head   the last tag
     */
    public record ChangelogInfo(String digest, List<String> tags, String head) {}

    private final ChangelogSource source;

    public ChangelogResource(ChangelogSource source) {
        this.source = source;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ChangelogInfo get() {
        TenantChangelog changelog = source.changelog();
        return new ChangelogInfo(changelog.digest(), changelog.tags(), changelog.head());
    }
}
