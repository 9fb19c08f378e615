package dev.tenantfleet.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Dead-lettering ({@link DeadLetters}): {@code tenantfleet.messaging.dead-letters.*}. */
@ConfigMapping(prefix = "tenantfleet.messaging.dead-letters")
public interface DeadLetterConfig {
    /**
     * How long to wait for the broker's confirm of a dead-lettered copy; without it, the original goes back to its
     * queue. Each service binds it to its own publish timeout in application.properties. Default 10 s.
     */
    @WithDefault("10s")
    Duration publishTimeout();
}
