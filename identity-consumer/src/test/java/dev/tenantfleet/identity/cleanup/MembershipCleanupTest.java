package dev.tenantfleet.identity.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.tenantfleet.identity.cache.IdentityCaches;
import dev.tenantfleet.identity.cache.TenantUserView;
import dev.tenantfleet.identity.cache.support.LocalRedis;
import dev.tenantfleet.identity.support.CrmTenantDatabase;
import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.Meters;
import dev.tenantfleet.identity.support.TestBroker;
import dev.tenantfleet.identity.support.TestCaches;
import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.identity.MembershipAdded;
import dev.tenantfleet.model.identity.MembershipRemoved;
import dev.tenantfleet.model.messaging.MessageHeaders;
import dev.tenantfleet.model.observability.LogKeys;
import dev.tenantfleet.testsupport.CapturedLogs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A user leaving a tenant, end to end in a real CRM tenant database (example changelog at v1.2 and beyond, through
 * Liquibase), registered in the test control database with its password encrypted under the test key ring.
 */
@QuarkusTest
@WithTestResource(IdentityTestEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipCleanupTest {
    private static final Duration EFFECT = Duration.ofSeconds(30);

    @ConfigProperty(name = "identity.cache.prefix")
    String prefix;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String controlDbUrl;

    @ConfigProperty(name = "identity.cleanup.keys")
    String keys;

    @Inject
    MeterRegistry registry;

    @Inject
    TenantCleanup cleanup;

    private CrmTenantDatabase tenant;
    private TestBroker broker;
    private TestCaches testCaches;
    private IdentityCaches caches;

    @BeforeAll
    void createTenant() throws Exception {
        tenant = CrmTenantDatabase.create("v1.2");
        tenant.register(controlDbUrl.substring(controlDbUrl.lastIndexOf('/') + 1), CredentialCipher.fromKeyRing(keys));
        tenant.execute("INSERT INTO companies (id, name) VALUES ('00000000-0000-4000-8000-00000000c0de', 'Acme')");
    }

    @AfterAll
    void dropTenant() throws Exception {
        tenant.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        broker = new TestBroker();
        testCaches = new TestCaches(LocalRedis.HOST, LocalRedis.PORT, prefix);
        caches = testCaches.caches();
    }

    @AfterEach
    void tearDown() throws Exception {
        testCaches.close();
        broker.close();
    }

    @Test
    void membershipRemovedDropsTheUsersViewAndUnassignsTheirOpenWorkInTheTenantDatabase() throws Exception {
        UUID leaver = newUser();
        UUID stays = newUser();
        UUID open = task("open", leaver, stays);
        UUID done = task("done", leaver);
        UUID openDeal = deal("proposal", leaver);
        UUID wonDeal = deal("won", leaver);
        TenantUserView view = new TenantUserView(leaver, List.of("sales"), "active");
        caches.tenantUser(tenant.tenantId(), leaver, () -> view);

        CloudEvent<IdentityEvent> removed;
        try (CapturedLogs logs = CapturedLogs.of("dev.tenantfleet.identity")) {
            removed = broker.publish(new MembershipRemoved(tenant.tenantId(), leaver, 2));
            applied(removed);
            assertThat(logs.mentioning("Cleanup of user " + leaver))
                    .as("the cleanup's log line names its tenant")
                    .singleElement()
                    .satisfies(line -> assertThat(line.mdc())
                            .containsEntry(LogKeys.TENANT_ID, tenant.tenantId().toString()));
        }

        assertThat(caches.tenantUser(tenant.tenantId(), leaver)).isEmpty();
        assertThat(assignees(open)).containsExactly(stays.toString());
        assertThat(assignees(done)).as("closed work keeps its history").containsExactly(leaver.toString());
        assertThat(owner(openDeal)).isNull();
        assertThat(owner(wonDeal)).isEqualTo(leaver.toString());

        double ignoredBefore = Meters.count(registry, "identity.events.ignored.stale", "type", "membership.removed");
        broker.publish(removed); // redelivered
        await().atMost(EFFECT)
                .until(() -> Meters.count(registry, "identity.events.ignored.stale", "type", "membership.removed")
                        > ignoredBefore);
        assertThat(assignees(open)).containsExactly(stays.toString());
    }

    @Test
    void runningTheCleanupAgainChangesNothing() throws Exception {
        UUID leaver = newUser();
        UUID open = task("open", leaver);

        assertThat(cleanup.run(tenant.tenantId(), leaver)).isEqualTo(1);
        assertThat(cleanup.run(tenant.tenantId(), leaver)).isZero();
        assertThat(assignees(open)).isEmpty();
    }

    @Test
    void aStaleMembershipRemovedAfterANewerMembershipAddedDoesNotRunTheCleanup() throws Exception {
        UUID user = newUser();
        UUID open = task("open", user);
        applied(broker.publish(new MembershipAdded(tenant.tenantId(), user, 5, List.of("sales"))));
        double ignoredBefore = Meters.count(registry, "identity.events.ignored.stale", "type", "membership.removed");

        broker.publish(new MembershipRemoved(tenant.tenantId(), user, 4)); // removed, then re-added: delivered late

        await().atMost(EFFECT)
                .until(() -> Meters.count(registry, "identity.events.ignored.stale", "type", "membership.removed")
                        > ignoredBefore);
        assertThat(assignees(open)).containsExactly(user.toString());
        assertThat(caches.versions().lastApplied("membership:" + tenant.tenantId() + ":" + user))
                .isEqualTo(OptionalLong.of(5));
    }

    @Test
    void aTenantUnknownToTheControlDatabaseIsDeadLetteredWithItsReason() throws Exception {
        UUID unknown = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        CloudEvent<IdentityEvent> event = broker.publish(new MembershipRemoved(unknown, user, 1));

        GetResponse dead = broker.takeDeadLetter(TestBroker.IDENTITY_QUEUE, event.id(), EFFECT);

        assertThat(TestBroker.headers(dead))
                .containsEntry(MessageHeaders.DEAD_LETTER_ERROR_CODE, "UNKNOWN_TENANT")
                .containsEntry(MessageHeaders.DEAD_LETTER_SOURCE_QUEUE, TestBroker.IDENTITY_QUEUE);
        assertThat(TestBroker.headers(dead).get(MessageHeaders.DEAD_LETTER_REASON))
                .contains(unknown.toString());
        assertThat(caches.versions().lastApplied(event.data().entity()))
                .as("not recorded: not applied")
                .isEmpty();
    }

    private UUID newUser() throws Exception {
        UUID user = UUID.randomUUID();
        tenant.execute(
                "INSERT INTO users (id, email, display_name) VALUES ('" + user + "', '" + user + "@example.com', 'U')");
        return user;
    }

    private UUID task(String status, UUID... assignees) throws Exception {
        UUID task = UUID.randomUUID();
        tenant.execute("INSERT INTO tasks (id, title, status, created_by) VALUES ('" + task + "', 'Call back', '"
                + status + "', '" + assignees[0] + "')");
        for (UUID assignee : assignees) {
            tenant.execute(
                    "INSERT INTO task_assignments (task_id, user_id) VALUES ('" + task + "', '" + assignee + "')");
        }
        return task;
    }

    private UUID deal(String stage, UUID owner) throws Exception {
        UUID deal = UUID.randomUUID();
        tenant.execute("INSERT INTO deals (id, company_id, title, stage_code, owner_id) VALUES ('" + deal
                + "', '00000000-0000-4000-8000-00000000c0de', 'Renewal', '" + stage + "', '" + owner + "')");
        return deal;
    }

    private List<String> assignees(UUID task) throws Exception {
        return tenant.strings("SELECT user_id FROM task_assignments WHERE task_id = '" + task + "' ORDER BY user_id");
    }

    private String owner(UUID deal) throws Exception {
        return tenant.strings("SELECT owner_id FROM deals WHERE id = '" + deal + "'")
                .get(0);
    }

    private void applied(CloudEvent<IdentityEvent> event) {
        await().atMost(EFFECT)
                .until(() -> caches.versions()
                        .lastApplied(event.data().entity())
                        .equals(OptionalLong.of(event.data().version())));
    }
}
