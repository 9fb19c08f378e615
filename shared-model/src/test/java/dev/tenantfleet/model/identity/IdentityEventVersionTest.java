package dev.tenantfleet.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.error.MessageErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds of an identity event's {@code version} as docs/identity.md states them: a JSON integer from 1 to 2^63-1;
 * anything else is unreadable and fails with the code identity-consumer dead-letters it with.
 */
class IdentityEventVersionTest {
    private final CloudEventCodec<IdentityEvent> codec = IdentityEvent.codec();
    private final UUID userId = UUID.randomUUID();

    @ParameterizedTest
    @ValueSource(strings = {"1", "9223372036854775807"})
    void shouldAcceptVersionsFromOneToTheLargestLong(String version) {
        IdentityEvent event = codec.decode(body("\"version\":" + version)).data();

        assertThat(event.version()).isEqualTo(Long.parseLong(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-9223372036854775808"})
    void shouldRejectVersionsBelowOneAsMissingField(String version) {
        assertFails("\"version\":" + version, MessageErrorCode.MISSING_FIELD)
                .hasMessageContaining("'version' must be >= 1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9223372036854775808",
                "18446744073709551616",
                "1e3",
                "1.0",
                "1.5",
                "\"7\"",
                "true",
                "null",
                "[1]",
                "{}"
            })
    void shouldRejectVersionsThatAreNotALongIntegerAsWrongFieldType(String version) {
        assertFails("\"version\":" + version, MessageErrorCode.WRONG_FIELD_TYPE).hasMessageContaining("version");
    }

    @org.junit.jupiter.api.Test
    void shouldRejectAnAbsentVersionAsWrongFieldType() {
        assertFails("\"tenantId\":null", MessageErrorCode.WRONG_FIELD_TYPE).hasMessageContaining("version");
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertFails(
            String versionField, MessageErrorCode code) {
        return assertThatThrownBy(() -> codec.decode(body(versionField)))
                .isInstanceOfSatisfying(
                        MessageFormatException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private byte[] body(String versionField) {
        return ("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/identity\",\"type\":\""
                        + UserUpdated.TYPE + "\",\"time\":\"2025-03-20T07:16:13Z\",\"data\":{\"userId\":\"" + userId
                        + "\","
                        + versionField + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
