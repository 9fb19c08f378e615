package dev.tenantfleet.tenantctl.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.Json;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateRelease;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.release.ReleaseEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A test double of tenant-service on the REAL broker (not a mock of it): declares the services' exchanges in a test
 * vhost, consumes {@code migration.commands} / {@code command.migrate-release}, decodes the real command and
 * answers by publishing real release events to {@code migration.results} - mandatory, with confirms, so an event
 * published while nobody is bound is counted in {@link #unroutedEvents()}; plus the release REST endpoints on a
 * {@link FakeApi}.
 */
public final class FakeTenantService implements AutoCloseable {
    /** A command as delivered, with its AMQP properties. */
    public record Received(CloudEvent<MigrationCommand> event, AMQP.BasicProperties properties, String routingKey) {
        public MigrateRelease command() {
            return (MigrateRelease) event.data();
        }
    }

    private final Connection connection;
    private final Channel publisher;
    private final FakeApi api;
    private final CloudEventCodec<ReleaseEvent> events = ReleaseEvent.codec();
    private final BlockingQueue<Received> commands = new LinkedBlockingQueue<>();
    private final Map<UUID, FakeRelease> releases = new ConcurrentHashMap<>();
    private final AtomicInteger unrouted = new AtomicInteger();
    private final ExecutorService scripts = Executors.newSingleThreadExecutor();
    private volatile List<String> fleet = List.of("acme", "globex", "initech");
    private volatile Consumer<FakeRelease> onMigrate = release -> {};

    /**
     * @param consumeCommands false = declare the exchanges but bind nothing to {@code command.migrate-release}
     *                        (tenant-service "not running")
     */
    public FakeTenantService(String vhost, FakeApi api, boolean consumeCommands) throws Exception {
        this.api = api;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(vhost);
        connection = factory.newConnection("tenantctl-test fake tenant-service");
        Channel setup = connection.createChannel();
        // what tenant-service and migration-worker declare at start-up (docs/events.md)
        setup.exchangeDeclare(Exchanges.MIGRATION_COMMANDS, BuiltinExchangeType.TOPIC, true);
        setup.exchangeDeclare(Exchanges.MIGRATION_RESULTS, BuiltinExchangeType.TOPIC, true);
        publisher = connection.createChannel();
        publisher.confirmSelect();
        publisher.addReturnListener(returned -> unrouted.incrementAndGet());
        if (consumeCommands) {
            Channel consumer = connection.createChannel();
            String queue = consumer.queueDeclare().getQueue();
            consumer.queueBind(queue, Exchanges.MIGRATION_COMMANDS, RoutingKeys.MIGRATE_RELEASE_COMMAND);
            CloudEventCodec<MigrationCommand> codec = MigrationCommand.codec();
            consumer.basicConsume(
                    queue,
                    true,
                    (tag, delivery) -> {
                        CloudEvent<MigrationCommand> event = codec.decode(delivery.getBody());
                        Received received = new Received(
                                event,
                                delivery.getProperties(),
                                delivery.getEnvelope().getRoutingKey());
                        MigrateRelease command = received.command();
                        FakeRelease release = releases.computeIfAbsent(
                                command.releaseId(),
                                id -> new FakeRelease(
                                        id,
                                        command.spec().targetTag(),
                                        command.requestedBy(),
                                        Json.mapper().valueToTree(command.spec()),
                                        fleet,
                                        "v1.3",
                                        this::publish));
                        commands.add(received);
                        // answer at once, on another thread (as the real service's relay would): an event published
                        // before
                        // tenantctl bound its queue would be unroutable and counted
                        scripts.execute(() -> onMigrate.accept(release));
                    },
                    tag -> {});
        }
        api.on("GET", "/api/releases/([0-9a-f-]{36})", request -> {
            FakeRelease release = releases.get(UUID.fromString(request.match().group(1)));
            return release == null
                    ? FakeApi.problem(
                            404,
                            "RELEASE_NOT_FOUND",
                            "release " + request.match().group(1) + " does not exist",
                            "Check the release id.")
                    : FakeApi.json(200, release.view());
        });
    }

    /** The tenants of every new release (all at v1.3). */
    public FakeTenantService fleet(String... slugs) {
        fleet = List.of(slugs);
        return this;
    }

    /** What happens when a migrate-release arrives. */
    public FakeTenantService onMigrate(Consumer<FakeRelease> script) {
        onMigrate = script;
        return this;
    }

    /** A release that already exists (for resume/rollback), in {@code status}. */
    public FakeRelease existing(String targetTag, Consumer<FakeRelease> setUp) {
        FakeRelease release = new FakeRelease(
                UUID.randomUUID(),
                targetTag,
                "earlier-job",
                Json.mapper().createObjectNode(),
                fleet,
                "v1.3",
                this::publish);
        releases.put(release.id(), release);
        setUp.accept(release);
        return release;
    }

    /** Routes {@code POST /api/releases/{id}/<action>}: runs {@code script} (publishing events), then answers 202. */
    public FakeTenantService onAction(String action, Function<FakeRelease, FakeApi.Answer> script) {
        api.on("POST", "/api/releases/([0-9a-f-]{36})/" + action, request -> {
            FakeRelease release = releases.get(UUID.fromString(request.match().group(1)));
            if (release == null) {
                return FakeApi.problem(404, "RELEASE_NOT_FOUND", "no such release", "Check the release id.");
            }
            return script.apply(release);
        });
        return this;
    }

    /** The next migrate-release command delivered, waiting up to 10 s. */
    public Received nextCommand() throws InterruptedException {
        Received received = commands.poll(10, TimeUnit.SECONDS);
        if (received == null) {
            throw new AssertionError("no migrate-release command arrived within 10 s");
        }
        return received;
    }

    public List<Received> commandsSoFar() {
        return List.copyOf(commands);
    }

    public FakeRelease release(UUID id) {
        return releases.get(id);
    }

    /** Release events the broker returned as unroutable: non-zero means tenantctl was not bound when they went out. */
    public int unroutedEvents() {
        return unrouted.get();
    }

    private void publish(ReleaseEvent event) {
        CloudEvent<ReleaseEvent> envelope = CloudEvent.of("/tenant-service", event.type(), null, event);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(envelope.id())
                .type(event.type())
                .contentType("application/cloudevents+json")
                .deliveryMode(2)
                .build();
        try {
            synchronized (publisher) {
                publisher.basicPublish(
                        Exchanges.MIGRATION_RESULTS,
                        RoutingKeys.releaseEvent(event.releaseId(), event.routingSuffix()),
                        true,
                        properties,
                        events.encode(envelope));
                publisher.waitForConfirmsOrDie(10_000);
            }
        } catch (IOException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot publish " + event.type(), e);
        }
    }

    @Override
    public void close() throws Exception {
        scripts.shutdownNow();
        connection.close();
    }
}
