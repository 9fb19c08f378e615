package dev.tenantfleet.model.messaging;

/** AMQP headers Tenant Fleet sets besides the CloudEvents body. */
public final class MessageHeaders {
    /** Why a message was dead-lettered, human readable. */
    public static final String DEAD_LETTER_REASON = "x-tenantfleet-reason";
    /** The {@link dev.tenantfleet.model.error.MessageErrorCode} of a dead-lettered message. */
    public static final String DEAD_LETTER_ERROR_CODE = "x-tenantfleet-error-code";
    /** The queue a dead-lettered message was consumed from. */
    public static final String DEAD_LETTER_SOURCE_QUEUE = "x-tenantfleet-source-queue";
    /** Content type of every Tenant Fleet message: CloudEvents structured mode. */
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    private MessageHeaders() {}
}
