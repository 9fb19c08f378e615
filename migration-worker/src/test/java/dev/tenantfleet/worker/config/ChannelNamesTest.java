package dev.tenantfleet.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.Queues;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.testsupport.ConfiguredChannels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The channels, exchanges, queues and bindings of application.properties are the ones Java names, and no others. */
class ChannelNamesTest {
    private final ConfiguredChannels config = ConfiguredChannels.ofApplicationProperties(Map.of());

    @Test
    void shouldConfigureExactlyTheChannelsOfTheChannelConstants() {
        assertThat(config.channels()).isEqualTo(ConfiguredChannels.channelConstants(Channels.class));
        assertThat(config.property("smallrye.messaging.worker." + Channels.MIGRATION_WORKER_POOL + ".max-concurrency"))
                .isPresent();
    }

    @Test
    void shouldBindEveryChannelToItsExchangeConstant() {
        assertThat(config.byChannel("exchange.name"))
                .isEqualTo(Map.of(
                        Channels.TENANT_COMMANDS, Exchanges.MIGRATION_COMMANDS,
                        Channels.MIGRATION_RESULTS, Exchanges.MIGRATION_RESULTS,
                        Channels.DEAD_LETTERS, Exchanges.DEAD_LETTERS));
        assertThat(config.deadLetterExchanges()).containsExactly(Exchanges.DEAD_LETTERS);
    }

    @Test
    void shouldConsumeTheQueueConstantWithItsBindings() {
        assertThat(config.byChannel("queue.name"))
                .isEqualTo(Map.of(Channels.TENANT_COMMANDS, Queues.MIGRATION_WORKER_COMMANDS));
        assertThat(config.byChannel("routing-keys"))
                .containsEntry(
                        Channels.TENANT_COMMANDS,
                        RoutingKeys.ALL_MIGRATE_TENANT_COMMANDS + "," + RoutingKeys.ALL_ROLLBACK_TENANT_COMMANDS);
    }
}
