package dev.tenantfleet.service.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tenantfleet.model.envelope.Json;

/** JSON columns of the release tables, written and read with the shared strict mapper. */
final class ReleaseJson {
    private ReleaseJson() {}

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "corrupt " + type.getSimpleName() + " column: " + e.getOriginalMessage(), e);
        }
    }
}
