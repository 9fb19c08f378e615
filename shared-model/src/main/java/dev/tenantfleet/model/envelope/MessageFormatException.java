package dev.tenantfleet.model.envelope;

import dev.tenantfleet.model.error.MessageErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;

/** An inbound message that cannot be read: never retried, dead-lettered with {@link #code()} and the message. */
public class MessageFormatException extends TenantFleetException {
    public MessageFormatException(MessageErrorCode code, String message) {
        super(code, message);
    }

    public MessageFormatException(MessageErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public MessageErrorCode code() {
        return (MessageErrorCode) super.code();
    }
}
