package dev.tenantfleet.service.outbox;

/** Fired when a message is added to the outbox; the relay wakes up once the transaction commits. */
public record OutboxWritten() {}
