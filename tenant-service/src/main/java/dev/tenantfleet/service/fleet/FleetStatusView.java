package dev.tenantfleet.service.fleet;

import java.util.List;
import java.util.Map;

/**
 * How the fleet stands against the changelog head, read from the tenant databases themselves.
 *
 * @param byHead       how many tenants are at each tag ({@code (none)} for no tag yet)
 * @param behind       tenants below the changelog head
 * @param drifted      tenants whose history does not match the changelog, or whose schema already has what pending changesets create
 * @param unreadable   tenants whose database could not be read
 */
public record FleetStatusView(
        String changelogHead,
        String changelogDigest,
        int total,
        Map<String, Integer> byHead,
        List<Behind> behind,
        List<Drifted> drifted,
        List<Unreadable> unreadable) {
    /** A tenant below the changelog head. */
    public record Behind(String slug, String head, int pending) {}

    /** A tenant whose history disagrees with the changelog. */
    public record Drifted(String slug, String head, List<String> drift) {}

    /** A tenant whose database could not be read. */
    public record Unreadable(String slug, String error) {}
}
