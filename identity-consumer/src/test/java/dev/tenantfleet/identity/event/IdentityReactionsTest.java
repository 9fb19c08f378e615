package dev.tenantfleet.identity.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.identity.cache.IdentityCaches;
import dev.tenantfleet.identity.cache.TagGenerations;
import dev.tenantfleet.identity.cache.TaggedCache;
import dev.tenantfleet.identity.cache.Tags;
import dev.tenantfleet.identity.cache.TenantUserView;
import dev.tenantfleet.identity.cache.support.LocalRedis;
import dev.tenantfleet.identity.config.Channels;
import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.Meters;
import dev.tenantfleet.identity.support.TestBroker;
import dev.tenantfleet.identity.support.TestCaches;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.identity.MembershipAdded;
import dev.tenantfleet.model.identity.OAuthClientDeactivated;
import dev.tenantfleet.model.identity.PolicyUpdated;
import dev.tenantfleet.model.identity.UserCreated;
import dev.tenantfleet.model.identity.UserDeactivated;
import dev.tenantfleet.model.identity.UserDeleted;
import dev.tenantfleet.model.identity.UserUpdated;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.params.SetParams;

/**
 * Each reaction, duplicates, reordering and a burst, end to end: identity events published to the (test) identity
 * exchange with the plain RabbitMQ client, their effect read back through the public Java reader over Jedis, as an
 * application would see it.
 */
@QuarkusTest
@WithTestResource(IdentityTestEnvironment.class)
class IdentityReactionsTest {
    private static final Duration EFFECT = Duration.ofSeconds(20);
    private static final int VERSIONS = 10;

    @ConfigProperty(name = "identity.cache.prefix")
    String prefix;

    @Inject
    MeterRegistry registry;

    private TestBroker broker;
    private TestCaches testCaches;
    private IdentityCaches caches;

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
    void policyUpdatedDropsThatTenantsPoliciesAndNoOtherTenants() throws Exception {
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        caches.policies(acme, () -> "[\"old\"]");
        caches.policies(globex, () -> "[\"theirs\"]");

        applied(broker.publish(new PolicyUpdated(acme, UUID.randomUUID(), 1)));

        assertThat(caches.policies(acme)).isEmpty();
        assertThat(caches.policies(globex)).contains("[\"theirs\"]");
    }

    @Test
    void everyUserEventDropsTheUsersViewsInEveryTenantAndItsTokenPayloads() throws Exception {
        List<Function<UUID, IdentityEvent>> events = List.of(
                user -> new UserCreated(user, null, 1, "ana@example.com", "active"),
                user -> new UserUpdated(user, null, 1),
                user -> new UserDeactivated(user, null, 1),
                user -> new UserDeleted(user, UUID.randomUUID(), 1));
        for (Function<UUID, IdentityEvent> event : events) {
            UUID user = UUID.randomUUID();
            UUID acme = UUID.randomUUID();
            UUID globex = UUID.randomUUID();
            String token = testCaches.newToken();
            fillUser(acme, user);
            fillUser(globex, user);
            caches.userPayload(token, user, acme, () -> "{\"sub\":\"" + user + "\"}");
            UUID other = UUID.randomUUID();
            fillUser(acme, other);

            IdentityEvent published = event.apply(user);
            applied(broker.publish(published));

            assertThat(caches.tenantUser(acme, user)).as(published.type()).isEmpty();
            assertThat(caches.tenantUser(globex, user)).as(published.type()).isEmpty();
            assertThat(caches.userPayload(token)).as(published.type()).isEmpty();
            assertThat(caches.tenantUser(acme, other)).as("another user").isPresent();
        }
    }

    @Test
    void membershipAddedDropsThatTenantsViewOfTheUserOnly() throws Exception {
        UUID user = UUID.randomUUID();
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        fillUser(acme, user);
        fillUser(globex, user);

        applied(broker.publish(new MembershipAdded(acme, user, 1, List.of("sales"))));

        assertThat(caches.tenantUser(acme, user)).isEmpty();
        assertThat(caches.tenantUser(globex, user)).isPresent();
    }

    @Test
    void oauthClientDeactivatedDropsEverythingCachedForTheTenant() throws Exception {
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String token = testCaches.newToken();
        fillUser(acme, user);
        fillUser(globex, user);
        caches.policies(acme, () -> "[]");
        caches.userPayload(token, user, acme, () -> "{}");

        applied(broker.publish(new OAuthClientDeactivated(acme, UUID.randomUUID(), 1)));

        assertThat(caches.tenantUser(acme, user)).isEmpty();
        assertThat(caches.policies(acme)).isEmpty();
        assertThat(caches.userPayload(token)).isEmpty();
        assertThat(caches.tenantUser(globex, user)).isPresent();
    }

    @Test
    void aDuplicateIsAckedAndIgnored() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        CloudEvent<IdentityEvent> event = broker.publish(new UserUpdated(user, tenant, 1));
        applied(event);
        TenantUserView view = fillUser(tenant, user);
        double ignoredBefore = ignored("user.updated");

        broker.publish(event); // the same envelope again, as a redelivery or a publisher retry would bring it

        await().atMost(EFFECT).until(() -> ignored("user.updated") > ignoredBefore);
        assertThat(caches.tenantUser(tenant, user))
                .as("the duplicate invalidated nothing")
                .contains(view);
    }

    @Test
    void anOlderVersionAfterANewerOneIsIgnored() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        applied(broker.publish(new MembershipAdded(tenant, user, 3, List.of("admin"))));
        TenantUserView view = fillUser(tenant, user);
        double ignoredBefore = ignored("membership.added");

        broker.publish(new MembershipAdded(tenant, user, 2, List.of("viewer")));

        await().atMost(EFFECT).until(() -> ignored("membership.added") > ignoredBefore);
        assertThat(caches.tenantUser(tenant, user)).contains(view);
        assertThat(caches.versions().lastApplied("membership:" + tenant + ":" + user))
                .isEqualTo(OptionalLong.of(3));
    }

    @Test
    void aReaderThatLoadedBeforeAnInvalidationNeverHasItsEntryServedAsFresh() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        TenantUserView stale = new TenantUserView(user, List.of("admin"), "active");

        TagGenerations generations = caches.tenantUserGenerations(tenant, user); // (1) before loading from identity
        applied(broker.publish(new UserDeactivated(user, null, 1))); // identity deactivates the user meanwhile
        boolean stored = caches.putTenantUser(tenant, stale, generations); // (3) the data loaded before

        assertThat(stored).isFalse();
        assertThat(caches.tenantUser(tenant, user)).isEmpty();

        // the same race inside getOrLoad: the load sees the old data, the event lands before the write
        UUID other = UUID.randomUUID();
        assertThat(caches.tenantUser(tenant, other, () -> {
                    try {
                        applied(broker.publish(new UserUpdated(other, null, 1)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return new TenantUserView(other, List.of("admin"), "active");
                }))
                .isPresent();
        assertThat(caches.tenantUser(tenant, other))
                .as("never served from the cache")
                .isEmpty();
    }

    /**
     * A burst published back to back piles up, so deliveries are taken in batches whose Redis work is pipelined: every
     * delivery is still settled once, and each entity ends at its newest version however shuffled and duplicated.
     */
    @Test
    void shouldSettleEveryDeliveryOnceAndLeaveEachEntityAtItsNewestVersionAfterAShuffledBurstWithDuplicates()
            throws Exception {
        UUID tenant = UUID.randomUUID();
        List<UUID> users = new ArrayList<>();
        List<CloudEvent<IdentityEvent>> burst = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            UUID user = UUID.randomUUID();
            users.add(user);
            for (int version = 1; version <= VERSIONS; version++) {
                burst.add(envelope(new MembershipAdded(tenant, user, version, List.of("sales"))));
            }
        }
        UUID policy = UUID.randomUUID();
        for (int version = 1; version <= VERSIONS; version++) {
            burst.add(envelope(new PolicyUpdated(tenant, policy, version)));
        }
        burst.addAll(new ArrayList<>(burst.subList(0, burst.size() / 2))); // half of them delivered twice
        Collections.shuffle(burst, new Random(tenant.getMostSignificantBits()));
        TenantUserView untouched = new TenantUserView(UUID.randomUUID(), List.of("viewer"), "active");
        caches.tenantUser(tenant, untouched.id(), () -> untouched);
        double settledBefore = settled();

        broker.publishBurst(burst);

        await().atMost(Duration.ofSeconds(30)).until(() -> settled() - settledBefore >= burst.size());
        assertThat(settled() - settledBefore).as("each delivery counted once").isEqualTo(burst.size());
        for (UUID user : users) {
            assertThat(caches.versions().lastApplied("membership:" + tenant + ":" + user))
                    .isEqualTo(OptionalLong.of(VERSIONS));
        }
        assertThat(caches.versions().lastApplied(new PolicyUpdated(tenant, policy, 1).entity()))
                .isEqualTo(OptionalLong.of(VERSIONS));
        assertThat(caches.tenantUser(tenant, untouched.id()))
                .as("nobody else's entry")
                .contains(untouched);
        assertThat(Meters.count(registry, "identity.events.requeued", "channel", Channels.IDENTITY_EVENTS))
                .isZero();
    }

    @Test
    void shouldInvalidateAnApplicationsOwnEntryTaggedWithAUserAndLeaveItsOwnTagsAndPlainKeysAlone() throws Exception {
        UUID user = UUID.randomUUID();
        TaggedCache tagged = caches.tagged();
        String namespace = prefix + ":app:reactions-test:" + UUID.randomUUID();
        String followsUser = namespace + ":settings:" + user;
        String ownTagged = namespace + ":catalogue";
        String plain = namespace + ":plain";
        String ownTag = "app:reactions-test:" + UUID.randomUUID();
        assertThat(tagged.put(
                        followsUser,
                        "{\"theme\":\"dark\"}",
                        tagged.generations(List.of(Tags.user(user))),
                        Duration.ofMinutes(5)))
                .isTrue();
        assertThat(tagged.put(ownTagged, "[1,2]", tagged.generations(List.of(ownTag)), Duration.ofMinutes(5)))
                .isTrue();
        testCaches
                .redis()
                .set(
                        plain,
                        "not an entry",
                        SetParams.setParams().px(Duration.ofMinutes(5).toMillis()));

        applied(broker.publish(new UserUpdated(user, null, 1)));

        assertThat(tagged.get(followsUser))
                .as("an application's entry carrying user:<uid>")
                .isEmpty();
        assertThat(tagged.get(ownTagged))
                .as("an entry carrying only the application's own tag")
                .contains("[1,2]");
        assertThat(testCaches.redis().get(plain))
                .as("a key under the prefix that is not an entry")
                .isEqualTo("not an entry");
    }

    private static CloudEvent<IdentityEvent> envelope(IdentityEvent event) {
        return CloudEvent.of("/burst", event.type(), event.entity(), event);
    }

    private TenantUserView fillUser(UUID tenant, UUID user) {
        TenantUserView view = new TenantUserView(user, List.of("sales"), "active");
        assertThat(caches.tenantUser(tenant, user, () -> view)).contains(view);
        assertThat(caches.tenantUser(tenant, user)).contains(view);
        return view;
    }

    private void applied(CloudEvent<IdentityEvent> event) {
        await().atMost(EFFECT)
                .until(() -> caches.versions()
                        .lastApplied(event.data().entity())
                        .equals(OptionalLong.of(event.data().version())));
    }

    private double ignored(String type) {
        return Meters.count(registry, "identity.events.ignored.stale", "type", type);
    }

    private double settled() {
        double sum = 0;
        for (String type : List.of("membership.added", "policy.updated")) {
            sum += Meters.count(registry, "identity.events.applied", "type", type)
                    + Meters.count(registry, "identity.events.ignored.stale", "type", type);
        }
        return sum;
    }
}
