package dev.tenantfleet.messaging;

import dev.tenantfleet.model.error.ErrorCode;

/**
 * CDI event: {@link DeadLetters} dead-lettered a message from {@code sourceQueue} with {@code code}, and the broker
 * confirmed it. A service that counts dead letters observes it.
 */
public record DeadLettered(String sourceQueue, ErrorCode code) {}
