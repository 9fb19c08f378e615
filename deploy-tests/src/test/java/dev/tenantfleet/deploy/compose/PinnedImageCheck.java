package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import java.util.regex.Pattern;

/**
 * Images pulled from elsewhere name at least a minor version (or a digest). A floating tag ({@code rabbitmq:3-management},
 * {@code redis:7}, none at all) gives a new machine, or the next `docker compose pull`, whatever that line holds now:
 * another broker or database version than the one this file and its data volumes were run with. Images built from
 * this repository are exempt: their tag only names the local build.
 */
final class PinnedImageCheck implements ComposeCheck {
    // 16.6, 3.13-management, 7.2.4-alpine, 8.11.1
    private static final Pattern MINOR_OR_FINER = Pattern.compile("\\d+\\.\\d+([.-].*)?");

    @Override
    public void check(ComposeProject project, Problems problems) {
        for (ComposeService service : project.services()) {
            if (service.buildContext().isPresent()
                    || service.image().isEmpty()
                    || service.image().get().contains("@")) {
                continue;
            }
            String tag = service.imageTag().orElse("latest");
            if (!MINOR_OR_FINER.matcher(tag).matches()) {
                problems.add(
                        service.where() + ".image",
                        service.image().get() + " floats (tag " + tag + "): pin at least "
                                + "the minor version, e.g. postgres:16.6 or rabbitmq:3.13-management, or a new machine gets "
                                + "whatever that tag points to today");
            }
        }
    }
}
