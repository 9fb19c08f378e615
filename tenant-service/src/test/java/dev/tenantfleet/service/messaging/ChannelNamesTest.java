package dev.tenantfleet.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.Queues;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.testsupport.ConfiguredChannels;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The channels, exchanges, queues and bindings of application.properties are the ones Java names, and no others. */
class ChannelNamesTest {
    private final ConfiguredChannels config =
            ConfiguredChannels.ofApplicationProperties(Map.of("quarkus.uuid", "instance"));

    @Test
    void shouldConfigureExactlyTheChannelsOfTheChannelConstants() {
        assertThat(config.channels()).isEqualTo(ConfiguredChannels.channelConstants(Channels.class));
    }

    @Test
    void shouldBindEveryChannelToItsExchangeConstant() {
        assertThat(config.byChannel("exchange.name"))
                .isEqualTo(Map.of(
                        Channels.TENANT_EVENTS_OUT, Exchanges.TENANT_EVENTS,
                        Channels.MIGRATION_COMMANDS_OUT, Exchanges.MIGRATION_COMMANDS,
                        Channels.RELEASE_EVENTS_OUT, Exchanges.MIGRATION_RESULTS,
                        Channels.DEAD_LETTERS_OUT, Exchanges.DEAD_LETTERS,
                        Channels.MIGRATION_RESULTS_IN, Exchanges.MIGRATION_RESULTS,
                        Channels.RELEASE_COMMANDS_IN, Exchanges.MIGRATION_COMMANDS,
                        Channels.DASHBOARD_RELEASE_EVENTS_IN, Exchanges.MIGRATION_RESULTS,
                        Channels.DASHBOARD_TENANT_EVENTS_IN, Exchanges.TENANT_EVENTS));
        assertThat(config.deadLetterExchanges()).containsExactly(Exchanges.DEAD_LETTERS);
    }

    @Test
    void shouldConsumeTheQueueConstantsWithTheirBindings() {
        Map<String, String> queues = config.byChannel("queue.name");
        // The dashboard queues are one per instance (quarkus.uuid): Java never names them.
        queues.keySet().removeAll(Set.of(Channels.DASHBOARD_RELEASE_EVENTS_IN, Channels.DASHBOARD_TENANT_EVENTS_IN));

        assertThat(queues)
                .isEqualTo(Map.of(
                        Channels.MIGRATION_RESULTS_IN, Queues.TENANT_SERVICE_MIGRATION_RESULTS,
                        Channels.RELEASE_COMMANDS_IN, Queues.TENANT_SERVICE_RELEASE_COMMANDS));
        assertThat(config.byChannel("routing-keys"))
                .containsAllEntriesOf(Map.of(
                        Channels.MIGRATION_RESULTS_IN, RoutingKeys.ALL_TENANT_RESULTS,
                        Channels.RELEASE_COMMANDS_IN, RoutingKeys.MIGRATE_RELEASE_COMMAND,
                        Channels.DASHBOARD_RELEASE_EVENTS_IN, RoutingKeys.ALL_RELEASE_EVENTS,
                        Channels.DASHBOARD_TENANT_EVENTS_IN, RoutingKeys.ALL_TENANT_EVENTS));
    }
}
