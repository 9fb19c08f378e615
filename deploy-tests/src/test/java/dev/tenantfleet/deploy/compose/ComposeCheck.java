package dev.tenantfleet.deploy.compose;

import dev.tenantfleet.deploy.Problems;

/** One aspect of docker-compose.yml checked against the services' real configuration. */
interface ComposeCheck {
    void check(ComposeProject project, Problems problems);
}
