package dev.tenantfleet.model.messaging;

import dev.tenantfleet.model.envelope.MessageFormatException;
import dev.tenantfleet.model.error.ErrorCode;
import java.util.HashMap;
import java.util.Map;

/** The headers a Tenant Fleet consumer adds when it dead-letters a message it cannot read. */
public final class DeadLetterHeaders {
    /** Longest reason header; the consumer's log has the whole story. */
    public static final int MAX_REASON_LENGTH = 1000;

    private DeadLetterHeaders() {}

    /** The original headers plus reason, error code and source queue. */
    public static Map<String, Object> of(
            Map<String, Object> original, String sourceQueue, MessageFormatException problem) {
        Map<String, Object> headers = new HashMap<>(original == null ? Map.of() : original);
        String reason = problem.getMessage() == null ? "unreadable message" : problem.getMessage();
        headers.put(
                MessageHeaders.DEAD_LETTER_REASON,
                reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...");
        headers.put(MessageHeaders.DEAD_LETTER_ERROR_CODE, problem.code().name());
        headers.put(MessageHeaders.DEAD_LETTER_SOURCE_QUEUE, sourceQueue);
        return headers;
    }

    /**
     * The original headers plus reason, error code and source queue, for a message that is readable but can never be
     * applied (e.g. it names a tenant the control database does not know).
     */
    public static Map<String, Object> of(
            Map<String, Object> original, String sourceQueue, ErrorCode code, String reason) {
        Map<String, Object> headers = new HashMap<>(original == null ? Map.of() : original);
        String text = reason == null ? code.name() : reason;
        headers.put(
                MessageHeaders.DEAD_LETTER_REASON,
                text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 3) + "...");
        headers.put(MessageHeaders.DEAD_LETTER_ERROR_CODE, code.name());
        headers.put(MessageHeaders.DEAD_LETTER_SOURCE_QUEUE, sourceQueue);
        return headers;
    }
}
