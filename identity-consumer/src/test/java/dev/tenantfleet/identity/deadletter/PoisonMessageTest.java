package dev.tenantfleet.identity.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import dev.tenantfleet.identity.cache.support.LocalRedis;
import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.Meters;
import dev.tenantfleet.identity.support.TestBroker;
import dev.tenantfleet.identity.support.TestCaches;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.identity.IdentityEvent;
import dev.tenantfleet.model.identity.UserUpdated;
import dev.tenantfleet.model.messaging.MessageHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Poison messages go to the DLQ with the reason headers, are acked, and the consumer keeps going. */
@QuarkusTest
@WithTestResource(IdentityTestEnvironment.class)
class PoisonMessageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "identity.cache.prefix")
    String prefix;

    @Inject
    MeterRegistry registry;

    private TestBroker broker;
    private TestCaches caches;

    @BeforeEach
    void setUp() throws Exception {
        broker = new TestBroker();
        caches = new TestCaches(LocalRedis.HOST, LocalRedis.PORT, prefix);
    }

    @AfterEach
    void tearDown() throws Exception {
        caches.close();
        broker.close();
    }

    @Test
    void malformedUnknownAndIncompleteEventsAreDeadLetteredWithTheirReasonAndTheConsumerKeepsGoing() throws Exception {
        String user = UUID.randomUUID().toString();
        Map<String, String> poison = Map.of(
                "MALFORMED_JSON", "{\"specversion\":\"1.0\",",
                "UNKNOWN_TYPE",
                        envelope("tenantfleet.identity.user-renamed.v1", "{\"userId\":\"" + user + "\",\"version\":1}"),
                "MISSING_FIELD", envelope("tenantfleet.identity.user-updated.v1", "{\"version\":2}"),
                "WRONG_FIELD_TYPE",
                        envelope(
                                "tenantfleet.identity.user-updated.v1",
                                "{\"userId\":\"" + user + "\",\"version\":\"two\"}"));
        double deadBefore = Meters.count(registry, "identity.events.dead.lettered", "reason", "MALFORMED_JSON");

        for (Map.Entry<String, String> message : poison.entrySet()) {
            broker.publishRaw(
                    TestBroker.IDENTITY_EXCHANGE,
                    "identity.global.user.updated",
                    message.getValue().getBytes(StandardCharsets.UTF_8),
                    messageId(message.getKey()));
        }
        UUID next = UUID.randomUUID();
        CloudEvent<IdentityEvent> valid = broker.publish(new UserUpdated(next, null, 1));

        Map<String, GetResponse> deadLetters = new java.util.HashMap<>();
        for (String code : poison.keySet()) { // take every one out before asserting, so none is left in the DLQ
            deadLetters.put(code, broker.takeDeadLetter(TestBroker.IDENTITY_QUEUE, messageId(code), WAIT));
        }
        for (String code : poison.keySet()) {
            GetResponse dead = deadLetters.get(code);
            assertThat(TestBroker.headers(dead))
                    .as(code)
                    .containsEntry(MessageHeaders.DEAD_LETTER_ERROR_CODE, code)
                    .containsEntry(MessageHeaders.DEAD_LETTER_SOURCE_QUEUE, TestBroker.IDENTITY_QUEUE);
            assertThat(TestBroker.headers(dead).get(MessageHeaders.DEAD_LETTER_REASON))
                    .isNotBlank();
            assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo(poison.get(code));
        }
        await().atMost(WAIT)
                .until(() -> caches.caches()
                        .versions()
                        .lastApplied(valid.data().entity())
                        .equals(OptionalLong.of(1)));
        assertThat(Meters.count(registry, "identity.events.dead.lettered", "reason", "MALFORMED_JSON"))
                .isEqualTo(deadBefore + 1);
    }

    @Test
    void shouldDeadLetterVersionsOutsideOneToTheLargestLongWithTheirCodeAndApplyNothing() throws Exception {
        UUID user = UUID.randomUUID();
        Map<String, String> versions = Map.of(
                "0", "MISSING_FIELD",
                "-1", "MISSING_FIELD",
                "9223372036854775808", "WRONG_FIELD_TYPE",
                "1.0", "WRONG_FIELD_TYPE");
        for (String version : versions.keySet()) {
            broker.publishRaw(
                    TestBroker.IDENTITY_EXCHANGE,
                    "identity.global.user.updated",
                    envelope(
                                    "tenantfleet.identity.user-updated.v1",
                                    "{\"userId\":\"" + user + "\",\"version\":" + version + "}")
                            .getBytes(StandardCharsets.UTF_8),
                    messageId("version-" + version));
        }

        Map<String, GetResponse> deadLetters = new java.util.HashMap<>();
        for (String version : versions.keySet()) {
            deadLetters.put(
                    version, broker.takeDeadLetter(TestBroker.IDENTITY_QUEUE, messageId("version-" + version), WAIT));
        }
        for (Map.Entry<String, String> version : versions.entrySet()) {
            assertThat(TestBroker.headers(deadLetters.get(version.getKey())))
                    .as("version " + version.getKey())
                    .containsEntry(MessageHeaders.DEAD_LETTER_ERROR_CODE, version.getValue())
                    .containsEntry(MessageHeaders.DEAD_LETTER_SOURCE_QUEUE, TestBroker.IDENTITY_QUEUE);
        }
        assertThat(caches.caches().versions().lastApplied(new UserUpdated(user, null, 1).entity()))
                .isEmpty();
    }

    private String messageId(String code) {
        return "poison-" + code + "-" + getClass().hashCode() + "-" + System.identityHashCode(this);
    }

    private static String envelope(String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/identity-test\",\"type\":\""
                + type + "\",\"time\":\"2025-03-20T07:16:13Z\",\"data\":" + data + "}";
    }
}
