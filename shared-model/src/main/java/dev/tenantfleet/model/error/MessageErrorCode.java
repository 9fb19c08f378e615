package dev.tenantfleet.model.error;

/** Why an inbound message could not be read. Such messages are dead-lettered, never retried. */
public enum MessageErrorCode implements ErrorCode {
    MALFORMED_JSON("The body is not valid JSON; fix the publisher."),
    UNSUPPORTED_SPEC_VERSION("Only CloudEvents specversion 1.0 is accepted."),
    UNKNOWN_TYPE("The event type is not one this consumer understands; upgrade the consumer or fix the publisher."),
    MISSING_FIELD("A required field is absent or null; see the message for which one."),
    WRONG_FIELD_TYPE("A field has the wrong JSON type or an unreadable value; see the message for which one.");

    private final String hint;

    MessageErrorCode(String hint) {
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
