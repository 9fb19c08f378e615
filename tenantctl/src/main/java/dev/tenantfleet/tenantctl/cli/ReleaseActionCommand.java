package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.Settings;
import dev.tenantfleet.tenantctl.api.ApiClient;
import dev.tenantfleet.tenantctl.api.ReleaseView;
import dev.tenantfleet.tenantctl.broker.Broker;
import dev.tenantfleet.tenantctl.broker.ReleaseSignal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code release resume ID} / {@code release rollback ID}: POST /api/releases/{id}/{action}; with {@code --wait},
 * bound to the release's events before the POST, then followed like migrate.
 */
abstract class ReleaseActionCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "the release id")
    UUID id;

    @Mixin
    WaitOptions waitOptions;

    @Mixin
    ApiOptions apiOptions;

    @Mixin
    BrokerOptions brokerOptions;

    protected ReleaseActionCommand(Context ctx) {
        super(ctx);
    }

    /** {@code resume} or {@code rollback}. */
    protected abstract String action();

    @Override
    public Integer call() {
        waitOptions.validate(spec);
        Settings settings = settings(apiOptions, brokerOptions);
        ApiClient api = new ApiClient(settings);
        String path = "/api/releases/" + id + "/" + action();
        if (!waitOptions.wait) {
            ReleaseView view = ApiClient.read(api.post(path, null), ReleaseView.class);
            ctx.out()
                    .println("release " + id + ": " + action() + " requested, now "
                            + (view.status() == null ? "?" : view.status())
                            + "; follow it with `tenantctl release status " + id + "`");
            ctx.out().flush();
            return ExitCodes.OK;
        }
        ReleaseRun run = new ReleaseRun(ctx, waitOptions, id, columns());
        return run.guard(() -> {
            // the status before, to recognise the previous run's release-completed event if it is still in flight
            ReleaseStatus before =
                    ApiClient.read(api.release(id), ReleaseView.class).status();
            try (Broker broker = Broker.connect(settings, "release " + action() + " " + id)) {
                BlockingQueue<ReleaseSignal> signals = broker.follow(id); // bind BEFORE the POST
                Instant requestedAt = ctx.clock().instant();
                JsonNode answer = api.post(path, null);
                ReleaseView view = ApiClient.read(answer, ReleaseView.class);
                ctx.out()
                        .println("release " + id + ": " + action() + " requested (was " + before + ", now "
                                + view.status() + "), requested by " + settings.actor());
                ctx.out().flush();
                return run.follow(api, signals, requestedAt, before);
            }
        });
    }
}
