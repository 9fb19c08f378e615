package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.ChangelogTags;
import dev.tenantfleet.deploy.program.Program;
import java.util.List;
import java.util.Map;

/**
 * The compose fleet is a place to watch a release (docs/operations.md: `release migrate --target` the changelog head,
 * on the dashboard), so tenant-service provisions new tenants at a tag of its changelog before the head: at the head,
 * its default, every tenant is already there and the release has nothing to do. A tag the changelog lacks fails every
 * provisioning.
 */
final class ProvisioningTagCheck implements ComposeCheck {
    private static final String TARGET_TAG = "TENANTFLEET_PROVISIONING_TARGET_TAG";
    private static final String CHANGELOG = "tenantfleet.changelog.location";

    @Override
    public void check(ComposeProject project, Problems problems) {
        for (ComposeService service : project.services()) {
            project.program(service)
                    .filter(program -> program.reads().reads(TARGET_TAG))
                    .ifPresent(program -> check(project, service, program, problems));
        }
    }

    private static void check(ComposeProject project, ComposeService service, Program program, Problems problems) {
        Map<String, String> env = service.environment();
        String tag = env.getOrDefault(TARGET_TAG, "").trim();
        if (tag.contains("${")) {
            return; // set in .env: nothing to check here
        }
        List<String> tags = program.http()
                .flatMap(http -> http.properties().resolve(CHANGELOG, env))
                .flatMap(location -> ChangelogTags.of(project.root(), location.trim()))
                .orElse(List.of());
        if (tags.isEmpty()) {
            return; // a changelog outside the repository: its tags are unknown here
        }
        String head = tags.get(tags.size() - 1);
        String where = service.where() + ".environment." + TARGET_TAG;
        if (tag.isEmpty() || tag.equals(head)) {
            problems.add(
                    where,
                    "new tenants start at the changelog head " + head + ", so a release to " + head
                            + " has nothing to do: provision them at an earlier tag ("
                            + String.join(", ", tags.subList(0, tags.size() - 1)) + ")");
        } else if (!tags.contains(tag)) {
            problems.add(where, tag + " is no tag of the changelog " + tags + ": every provisioning would fail");
        }
    }
}
