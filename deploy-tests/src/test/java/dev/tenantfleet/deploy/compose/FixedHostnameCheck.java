package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;
import java.util.Map;

/**
 * A broker that names its data after the container's hostname keeps that data across `docker compose down` and `up`
 * only with a fixed hostname. RabbitMQ's node is {@code rabbit@<hostname>} and its database lives in a directory of
 * that name; Compose gives every new container a random hostname (its id), so a re-created container starts as a new,
 * empty node beside the old one's data: users, virtual hosts, queues and the messages in them are gone.
 */
final class FixedHostnameCheck implements ComposeCheck {
    // Images whose data is named after the hostname, and the variable that fixes the node name instead of a hostname.
    private static final Map<String, String> NODE_NAME_VARIABLE = Map.of("rabbitmq", "RABBITMQ_NODENAME");

    @Override
    public void check(ComposeProject project, Problems problems) {
        for (ComposeService service : project.services()) {
            String nodeNameVariable =
                    service.imageName().map(NODE_NAME_VARIABLE::get).orElse(null);
            if (nodeNameVariable != null
                    && service.hasVolumes()
                    && service.hostname().isEmpty()
                    && !service.environment().containsKey(nodeNameVariable)) {
                problems.add(
                        service.where(),
                        "keeps its data in a volume but has no fixed hostname: the node and its data "
                                + "directory are named rabbit@<hostname>, and Compose gives every new container a random one, so "
                                + "after `docker compose down` and `up` the broker starts empty (set hostname: "
                                + service.name() + ")");
            }
        }
    }
}
