package dev.tenantfleet.worker.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Delivery;
import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.error.MessageErrorCode;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.MessageHeaders;
import dev.tenantfleet.model.messaging.Queues;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.model.migration.TenantMigrated;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.worker.changelog.ChangelogSource;
import dev.tenantfleet.worker.support.TenantDatabase;
import dev.tenantfleet.worker.support.TestBroker;
import dev.tenantfleet.worker.tenantdb.guard.AdvisoryLock;
import dev.tenantfleet.worker.tenantdb.session.TenantDatabaseConnector;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end through the real broker and a real tenant database: a command published to {@code migration.commands}
 * with the plain RabbitMQ client, the result read back from {@code migration.results}.
 */
@QuarkusTest
class MigrateTenantCommandTest {
    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);
    private static final String V10 = "crm-changelog/releases/v1.0.xml";
    private static final String V11 = "crm-changelog/releases/v1.1.xml";
    private static final String V14 = "crm-changelog/releases/v1.4.xml";
    private static final List<String> V10_TABLES = List.of("companies", "contacts", "countries", "industries", "users");
    private static final List<String> V11_TABLES = List.of("deal_stages", "deals");
    private static final List<String> LIQUIBASE_TABLES = List.of("databasechangelog", "databasechangeloglock");

    @Inject
    ChangelogSource changelog;

    @ConfigProperty(name = "tenantfleet.keys")
    String keys;

    private CredentialCipher cipher;
    private TestBroker broker;
    private final List<TenantDatabase> databases = new ArrayList<>();
    private final Set<String> deadLettered = new HashSet<>();

    @BeforeEach
    void setUp() throws Exception {
        cipher = CredentialCipher.fromKeyRing(keys);
        broker = new TestBroker();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (!deadLettered.isEmpty()) {
                broker.removeFromQueue(Queues.deadLetterQueueOf(TestBroker.COMMANDS_QUEUE), deadLettered);
            }
            broker.close();
        } finally {
            for (TenantDatabase database : databases) {
                database.close();
            }
        }
    }

    @Test
    void migratingToATagCreatesExactlyThatReleasesTablesAndReportsTheAppliedChangesetsAndNewHead() throws Exception {
        TenantDatabase db = newDatabase();
        MigrateTenant command = command(db, "v1.1", changelog.changelog().digest());
        TestBroker.Inbox results = broker.resultsFor(command.tenantId());

        broker.publish(command);
        Delivery delivery = results.next(RESULT_TIMEOUT);

        assertThat(delivery.getEnvelope().getRoutingKey())
                .isEqualTo(RoutingKeys.tenantResult("migrated", command.tenantId()));
        assertThat(delivery.getProperties().getContentType()).isEqualTo(MessageHeaders.CLOUDEVENTS_JSON);
        CloudEvent<MigrationResult> event = MigrationResult.codec().decode(delivery.getBody());
        assertThat(delivery.getProperties().getMessageId()).isEqualTo(event.id());
        assertThat(event.type()).isEqualTo(TenantMigrated.TYPE);
        assertThat(event.source()).hasToString("/migration-worker");
        assertThat(event.subject()).isEqualTo(command.slug());

        TenantMigrated migrated = (TenantMigrated) event.data();
        assertThat(migrated.commandId()).isEqualTo(command.commandId());
        assertThat(migrated.tenantId()).isEqualTo(command.tenantId());
        assertThat(migrated.purpose()).isEqualTo(MigrationPurpose.RELEASE);
        assertThat(migrated.releaseId()).isNotNull().isEqualTo(command.releaseId());
        assertThat(migrated.headBefore()).isNull();
        assertThat(migrated.headAfter()).isEqualTo("v1.1");
        assertThat(migrated.changelogDigest()).isEqualTo(changelog.changelog().digest());
        assertThat(migrated.appliedChangeSets())
                .hasSize(13)
                .startsWith(V10 + "::v1.0-001-create-users::tenant-fleet")
                .endsWith(V11 + "::v1.1-005-tag::tenant-fleet")
                .allMatch(cs -> cs.startsWith(V10) || cs.startsWith(V11));
        assertThat(migrated.durationMillis()).isPositive();

        List<String> expected = new ArrayList<>(V10_TABLES);
        expected.addAll(V11_TABLES);
        expected.addAll(LIQUIBASE_TABLES);
        assertThat(db.tables()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(db.strings("SELECT count(*) FROM databasechangeloglock WHERE locked"))
                .containsExactly("0");
    }

    @Test
    void aPendingChangesetAppliedByHandFailsAsSchemaDriftNamingTheChangesetAndTheObject() throws Exception {
        TenantDatabase db = newDatabase();
        MigrateTenant toV13 = command(db, "v1.3", changelog.changelog().digest());
        TestBroker.Inbox results = broker.resultsFor(toV13.tenantId());
        broker.publish(toV13);
        assertThat(MigrationResult.codec()
                        .decode(results.next(RESULT_TIMEOUT).getBody())
                        .data())
                .isInstanceOf(TenantMigrated.class);
        try (var owner = db.owner();
                var statement = owner.createStatement()) {
            statement.execute("ALTER TABLE contacts ADD COLUMN full_name text"); // v1.4-001, by hand with psql
        }

        MigrateTenant toV14 = new MigrateTenant(
                UUID.randomUUID(),
                toV13.tenantId(),
                toV13.slug(),
                toV13.connection(),
                "v1.4",
                toV13.changelogDigest(),
                toV13.purpose(),
                UUID.randomUUID(),
                toV13.timeoutSeconds(),
                toV13.allowNonTransactional());
        broker.publish(toV14);
        MigrationResult result = MigrationResult.codec()
                .decode(results.next(RESULT_TIMEOUT).getBody())
                .data();

        assertThat(result).isInstanceOfSatisfying(TenantMigrationFailed.class, failed -> {
            assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.SCHEMA_DRIFT);
            assertThat(failed.error().changeSet()).isEqualTo(V14 + "::v1.4-001-add-contacts-full-name::tenant-fleet");
            assertThat(failed.error().message()).contains("column contacts.full_name");
            assertThat(failed.error().hint()).contains("ahead of its Liquibase history");
            assertThat(failed.headAfter()).isEqualTo("v1.3");
        });
    }

    @Test
    void redeliveringTheSameCommandAppliesNothingAndReportsTheSameHead() throws Exception {
        TenantDatabase db = newDatabase();
        MigrateTenant command = command(db, "v1.0", null);
        TestBroker.Inbox results = broker.resultsFor(command.tenantId());
        CloudEvent<MigrationCommand> envelope = broker.publish(command);
        TenantMigrated first = (TenantMigrated) result(results);
        assertThat(first.appliedChangeSets()).hasSize(8);

        broker.publish(envelope);
        TenantMigrated again = (TenantMigrated) result(results);

        assertThat(again.commandId()).isEqualTo(command.commandId());
        assertThat(again.appliedChangeSets()).isEmpty();
        assertThat(again.headBefore()).isEqualTo("v1.0");
        assertThat(again.headAfter()).isEqualTo("v1.0");
        assertThat(db.strings("SELECT count(*) FROM databasechangelog")).containsExactly("8");
    }

    @Test
    void aWrongChangelogDigestIsRefusedWithChangelogMismatchAndTheDatabaseStaysEmpty() throws Exception {
        TenantDatabase db = newDatabase();
        MigrateTenant command = command(db, "v1.1", "sha256:" + "0".repeat(64));
        TestBroker.Inbox results = broker.resultsFor(command.tenantId());

        broker.publish(command);
        Delivery delivery = results.next(RESULT_TIMEOUT);

        assertThat(delivery.getEnvelope().getRoutingKey())
                .isEqualTo(RoutingKeys.tenantResult("migration-failed", command.tenantId()));
        TenantMigrationFailed failed = (TenantMigrationFailed)
                MigrationResult.codec().decode(delivery.getBody()).data();
        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.CHANGELOG_MISMATCH);
        assertThat(failed.error().message()).contains(changelog.changelog().digest());
        assertThat(failed.error().hint()).isEqualTo(MigrationErrorCode.CHANGELOG_MISMATCH.hint());
        assertThat(failed.appliedChangeSets()).isEmpty();
        assertThat(failed.changelogDigest()).isEqualTo(changelog.changelog().digest());
        assertThat(failed.releaseId()).isEqualTo(command.releaseId());
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void aTenantDatabaseThatDoesNotExistFailsAsInternalNamingTheDatabase() throws Exception {
        TenantDatabase db = newDatabase();
        TenantConnection real = db.connection(cipher);
        String missing = "tf_worker_it_missing_" + TenantDatabase.randomHex(4);
        MigrateTenant command = command(
                db,
                "v1.0",
                null,
                new TenantConnection(real.host(), real.port(), missing, real.username(), real.password()));
        TestBroker.Inbox results = broker.resultsFor(command.tenantId());

        broker.publish(command);
        TenantMigrationFailed failed = (TenantMigrationFailed) result(results);

        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.INTERNAL);
        assertThat(failed.error().message()).startsWith("tenant database " + missing + " does not exist");
        assertThat(failed.releaseId()).isEqualTo(command.releaseId());
    }

    @Test
    void anUnknownTargetTagIsRefusedWithUnknownTagBeforeTouchingTheDatabase() throws Exception {
        TenantDatabase db = newDatabase();
        MigrateTenant command = command(db, "v9.9", changelog.changelog().digest());
        TestBroker.Inbox results = broker.resultsFor(command.tenantId());

        broker.publish(command);
        TenantMigrationFailed failed = (TenantMigrationFailed) result(results);

        assertThat(failed.error().code()).isEqualTo(MigrationErrorCode.UNKNOWN_TAG);
        assertThat(failed.error().message()).contains("v9.9").contains("v1.4");
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void credentialsThatAreRefusedOrCannotBeDecryptedFailWithCredentials() throws Exception {
        TenantDatabase db = newDatabase();
        // The local server trusts every password, so "refused" is a role that does not exist (SQLState 28000).
        TenantConnection real = db.connection(cipher);
        MigrateTenant unknownRole = command(
                db,
                null,
                null,
                new TenantConnection(
                        real.host(),
                        real.port(),
                        real.database(),
                        "tf_no_such_role_" + TenantDatabase.randomHex(4),
                        real.password()));
        CredentialCipher otherKey = CredentialCipher.fromKeyRing("test-1:" + CredentialCipher.generateKey());
        MigrateTenant undecryptable = command(
                db,
                null,
                null,
                new TenantConnection(
                        real.host(), real.port(), real.database(), real.username(), otherKey.encrypt("whatever")));
        TestBroker.Inbox refusedResults = broker.resultsFor(unknownRole.tenantId());
        TestBroker.Inbox undecryptableResults = broker.resultsFor(undecryptable.tenantId());

        broker.publish(unknownRole);
        broker.publish(undecryptable);
        TenantMigrationFailed refused = (TenantMigrationFailed) result(refusedResults);
        TenantMigrationFailed notDecrypted = (TenantMigrationFailed) result(undecryptableResults);

        assertThat(refused.error().code()).isEqualTo(MigrationErrorCode.CREDENTIALS);
        assertThat(refused.error().message()).contains("28000");
        assertThat(notDecrypted.error().code()).isEqualTo(MigrationErrorCode.CREDENTIALS);
        assertThat(notDecrypted.error().message()).contains("cannot be decrypted");
        assertThat(db.tables()).isEmpty();
    }

    @Test
    void aStaleDatabaseChangelogLockRowIsReleasedAndTheMigrationSucceeds() throws Exception {
        TenantDatabase db = newDatabase();
        MigrateTenant toV10 = command(db, "v1.0", null);
        TestBroker.Inbox results = broker.resultsFor(toV10.tenantId());
        broker.publish(toV10);
        assertThat(result(results)).isInstanceOf(TenantMigrated.class);
        // A worker killed mid-run leaves Liquibase's lock row behind.
        try (Connection admin = db.admin();
                Statement statement = admin.createStatement()) {
            statement.executeUpdate("UPDATE databasechangeloglock SET locked = TRUE, lockgranted = now(),"
                    + " lockedby = 'killed-worker (test)' WHERE id = 1");
        }

        MigrateTenant toV11 = new MigrateTenant(
                UUID.randomUUID(),
                toV10.tenantId(),
                toV10.slug(),
                toV10.connection(),
                "v1.1",
                null,
                MigrationPurpose.RELEASE);
        broker.publish(toV11);
        MigrationResult result = result(results);

        assertThat(result).isInstanceOf(TenantMigrated.class);
        TenantMigrated migrated = (TenantMigrated) result;
        assertThat(migrated.commandId()).isEqualTo(toV11.commandId());
        assertThat(migrated.headBefore()).isEqualTo("v1.0");
        assertThat(migrated.headAfter()).isEqualTo("v1.1");
        assertThat(migrated.appliedChangeSets()).hasSize(5).allMatch(cs -> cs.startsWith(V11));
        assertThat(db.strings("SELECT locked FROM databasechangeloglock")).containsExactly("f");
    }

    @Test
    void malformedBodiesAndUnknownTypesEndInTheDeadLetterQueueWithAReasonAndTheConsumerKeepsWorking() throws Exception {
        TestBroker.Inbox deadLetters = broker.inbox(Exchanges.DEAD_LETTERS, TestBroker.COMMANDS_QUEUE);
        String malformedId = "malformed-" + UUID.randomUUID();
        String unknownTypeId = "unknown-type-" + UUID.randomUUID();
        deadLettered.addAll(List.of(malformedId, unknownTypeId));
        UUID someTenant = UUID.randomUUID();
        String unknownType = """
                {"specversion":"1.0","id":"%s","source":"/test","type":"tenantfleet.migration.explode-tenant.v1",
                 "time":"%s","datacontenttype":"application/json","data":{"tenantId":"%s"}}""".formatted(unknownTypeId, Instant.now(), someTenant);

        broker.publishRaw(
                RoutingKeys.migrateTenantCommand(someTenant),
                "{not json".getBytes(StandardCharsets.UTF_8),
                malformedId);
        broker.publishRaw(
                RoutingKeys.migrateTenantCommand(someTenant),
                unknownType.getBytes(StandardCharsets.UTF_8),
                unknownTypeId);

        Delivery malformed = deadLetters.next(malformedId, RESULT_TIMEOUT);
        assertThat(malformed.getBody()).asString(StandardCharsets.UTF_8).isEqualTo("{not json");
        assertThat(header(malformed, MessageHeaders.DEAD_LETTER_ERROR_CODE))
                .isEqualTo(MessageErrorCode.MALFORMED_JSON.name());
        assertThat(header(malformed, MessageHeaders.DEAD_LETTER_REASON)).contains("not valid JSON");
        assertThat(header(malformed, MessageHeaders.DEAD_LETTER_SOURCE_QUEUE)).isEqualTo(TestBroker.COMMANDS_QUEUE);
        Delivery unknown = deadLetters.next(unknownTypeId, RESULT_TIMEOUT);
        assertThat(header(unknown, MessageHeaders.DEAD_LETTER_ERROR_CODE))
                .isEqualTo(MessageErrorCode.UNKNOWN_TYPE.name());
        assertThat(header(unknown, MessageHeaders.DEAD_LETTER_REASON))
                .contains("tenantfleet.migration.explode-tenant.v1");
        // They are in the real DLQ too (removed again in tearDown).
        assertThat(broker.removeFromQueue(Queues.deadLetterQueueOf(TestBroker.COMMANDS_QUEUE), deadLettered))
                .isEqualTo(2);
        deadLettered.clear();

        TenantDatabase db = newDatabase();
        MigrateTenant valid = command(db, "v1.0", null);
        TestBroker.Inbox results = broker.resultsFor(valid.tenantId());
        broker.publish(valid);
        assertThat(result(results)).isInstanceOf(TenantMigrated.class);
    }

    @Test
    void anAdvisoryLockHeldByAnotherSessionMakesTheCommandWaitUntilItIsReleased() throws Exception {
        TenantDatabase db = newDatabase();
        MigrateTenant command = command(db, "v1.0", null);
        TestBroker.Inbox results = broker.resultsFor(command.tenantId());
        try (Connection other = db.admin()) {
            assertThat(advisoryLock(other, "pg_try_advisory_lock")).isTrue();

            broker.publish(command);
            // The worker is connected and polling for the lock, and has not touched the schema.
            await().atMost(RESULT_TIMEOUT).until(() -> db.sessionsOf(TenantDatabaseConnector.APPLICATION_NAME) == 1);
            assertThat(results.isEmpty()).isTrue();
            assertThat(db.tables()).isEmpty();

            assertThat(advisoryLock(other, "pg_advisory_unlock")).isTrue();
        }
        TenantMigrated migrated = (TenantMigrated) result(results);

        assertThat(migrated.headAfter()).isEqualTo("v1.0");
        assertThat(migrated.appliedChangeSets()).hasSize(8);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.sessionsOf(TenantDatabaseConnector.APPLICATION_NAME) == 0);
    }

    @Test
    void severalTenantsMigrateConcurrentlyAndEachEndsAtHeadWithItsLiquibaseLockReleased() throws Exception {
        List<TenantDatabase> tenants = List.of(newDatabase(), newDatabase(), newDatabase());
        List<MigrateTenant> commands = new ArrayList<>();
        List<TestBroker.Inbox> inboxes = new ArrayList<>();
        for (TenantDatabase tenant : tenants) {
            MigrateTenant command = command(tenant, null, changelog.changelog().digest());
            commands.add(command);
            inboxes.add(broker.resultsFor(command.tenantId()));
        }
        for (MigrateTenant command : commands) {
            broker.publish(command);
        }

        for (int i = 0; i < tenants.size(); i++) {
            MigrationResult result = result(inboxes.get(i));
            assertThat(result).as("tenant %s", commands.get(i).slug()).isInstanceOf(TenantMigrated.class);
            assertThat(result.headAfter()).isEqualTo(changelog.changelog().head());
            assertThat(result.appliedChangeSets())
                    .hasSize(changelog.changelog().changeSets().size());
            assertThat(tenants.get(i).strings("SELECT count(*) FROM databasechangeloglock WHERE locked"))
                    .containsExactly("0");
        }
    }

    private TenantDatabase newDatabase() throws Exception {
        TenantDatabase db = TenantDatabase.create();
        databases.add(db);
        return db;
    }

    private MigrateTenant command(TenantDatabase db, String targetTag, String digest) {
        return command(db, targetTag, digest, db.connection(cipher));
    }

    private static MigrateTenant command(
            TenantDatabase db, String targetTag, String digest, TenantConnection connection) {
        return new MigrateTenant(
                UUID.randomUUID(),
                UUID.randomUUID(),
                db.name().replace('_', '-'),
                connection,
                targetTag,
                digest,
                MigrationPurpose.RELEASE,
                UUID.randomUUID(),
                null,
                null);
    }

    private static MigrationResult result(TestBroker.Inbox inbox) {
        return MigrationResult.codec()
                .decode(inbox.next(RESULT_TIMEOUT).getBody())
                .data();
    }

    private static String header(Delivery delivery, String name) {
        Object value = delivery.getProperties().getHeaders().get(name);
        return value == null ? null : value.toString();
    }

    private static boolean advisoryLock(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, AdvisoryLock.MIGRATION_LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
