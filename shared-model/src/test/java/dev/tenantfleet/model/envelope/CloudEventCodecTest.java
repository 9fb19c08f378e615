package dev.tenantfleet.model.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.model.error.MessageErrorCode;
import dev.tenantfleet.model.tenant.TenantEvent;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {
    private final CloudEventCodec<TenantEvent> codec = TenantEvent.codec();
    private final UUID tenantId = UUID.randomUUID();

    @Test
    void shouldRoundTripAStatusChangedEvent() {
        var event = CloudEvent.<TenantEvent>of(
                "/tenant-service",
                TenantStatusChanged.TYPE,
                "acme",
                new TenantStatusChanged(
                        tenantId, "acme", TenantStatus.ACTIVE, TenantStatus.READ_ONLY, "ops", "maintenance"));

        CloudEvent<TenantEvent> decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8))
                .contains("\"specversion\":\"1.0\"", "\"datacontenttype\":\"application/json\"");
    }

    @Test
    void shouldRejectUnknownTypeNamingTheAcceptedOnes() {
        assertFails(envelope("tenantfleet.tenant.exploded.v1", data("ACTIVE")), MessageErrorCode.UNKNOWN_TYPE)
                .hasMessageContaining("tenantfleet.tenant.status-changed.v1");
    }

    @Test
    void shouldRejectMissingPayloadFieldInsteadOfFillingNull() {
        String data = "{\"tenantId\":\"" + tenantId + "\",\"slug\":\"acme\",\"from\":\"ACTIVE\",\"actor\":\"ops\"}";
        assertFails(envelope(TenantStatusChanged.TYPE, data), MessageErrorCode.MISSING_FIELD)
                .hasMessageContaining("'to'");
    }

    @Test
    void shouldRejectWrongFieldTypes() {
        String numericSlug = "{\"tenantId\":\"" + tenantId
                + "\",\"slug\":42,\"from\":\"ACTIVE\",\"to\":\"READ_ONLY\",\"actor\":\"ops\"}";
        assertFails(envelope(TenantStatusChanged.TYPE, numericSlug), MessageErrorCode.WRONG_FIELD_TYPE)
                .hasMessageContaining("slug");
        String badUuid =
                "{\"tenantId\":\"not-a-uuid\",\"slug\":\"acme\",\"from\":\"ACTIVE\",\"to\":\"READ_ONLY\",\"actor\":\"ops\"}";
        assertFails(envelope(TenantStatusChanged.TYPE, badUuid), MessageErrorCode.WRONG_FIELD_TYPE)
                .hasMessageContaining("tenantId");
        assertFails(envelope(TenantStatusChanged.TYPE, data("HAPPY")), MessageErrorCode.WRONG_FIELD_TYPE)
                .hasMessageContaining("to");
    }

    @Test
    void shouldRejectMalformedJsonAndOtherSpecVersions() {
        assertFails("{not json", MessageErrorCode.MALFORMED_JSON);
        assertFails("[1,2]", MessageErrorCode.MALFORMED_JSON);
        assertFails(
                envelope(TenantStatusChanged.TYPE, data("ACTIVE")).replace("\"1.0\"", "\"0.3\""),
                MessageErrorCode.UNSUPPORTED_SPEC_VERSION);
    }

    @Test
    void shouldRejectEnvelopeWithoutIdOrTime() {
        assertFails(
                        envelope(TenantStatusChanged.TYPE, data("ACTIVE")).replace("\"id\":\"e-1\",", ""),
                        MessageErrorCode.MISSING_FIELD)
                .hasMessageContaining("'id'");
        assertFails(
                        envelope(TenantStatusChanged.TYPE, data("ACTIVE")).replace("2026-11-21T10:00:00Z", "yesterday"),
                        MessageErrorCode.WRONG_FIELD_TYPE)
                .hasMessageContaining("time");
    }

    private String data(String to) {
        return "{\"tenantId\":\"" + tenantId + "\",\"slug\":\"acme\",\"from\":\"ACTIVE\",\"to\":\"" + to
                + "\",\"actor\":\"ops\"}";
    }

    private static String envelope(String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/tenant-service\",\"type\":\"" + type
                + "\",\"time\":\"2026-11-21T10:00:00Z\",\"subject\":\"acme\",\"data\":" + data + "}";
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFails(String body, MessageErrorCode code) {
        return assertThatThrownBy(() -> codec.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        MessageFormatException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
