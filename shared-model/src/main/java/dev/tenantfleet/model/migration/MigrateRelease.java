package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.release.ReleaseSpec;
import java.util.UUID;

/**
 * Migrate the fleet to a release; published by deploy jobs (tenantctl) on {@code migration.commands} with
 * routing key {@code command.migrate-release}, consumed by tenant-service. The release id is chosen by the
 * sender so it can bind to the release's events before publishing; sending the same id twice starts one release.
 *
 * @param commandId   idempotency key of the message
 * @param releaseId   id of the release to create
 * @param requestedBy who asked (deploy job, operator), for the audit trail
 */
public record MigrateRelease(UUID commandId, UUID releaseId, ReleaseSpec spec, String requestedBy)
        implements MigrationCommand {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.release.migrate-release.v1";

    public MigrateRelease {
        field(commandId, "commandId");
        field(releaseId, "releaseId");
        field(spec, "spec");
        requestedBy = requestedBy == null || requestedBy.isBlank() ? "system" : requestedBy;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code command.migrate-release}. */
    @Override
    public String routingKey() {
        return RoutingKeys.MIGRATE_RELEASE_COMMAND;
    }

    @Override
    public String subject() {
        return null;
    }
}
