package dev.tenantfleet.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.identity.IdentityRouting;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.Queues;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.testsupport.ConfiguredChannels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The channels, exchanges, queues and bindings of application.properties (fleet-wide: TENANT_ID unset) are the ones
 * Java names, and no others.
 */
class ChannelNamesTest {
    private final ConfiguredChannels config = ConfiguredChannels.ofApplicationProperties(Map.of());

    @Test
    void shouldConfigureExactlyTheChannelsOfTheChannelConstants() {
        assertThat(config.channels()).isEqualTo(ConfiguredChannels.channelConstants(Channels.class));
        assertThat(config.property("smallrye.messaging.worker." + Channels.TENANT_EVENTS_POOL + ".max-concurrency"))
                .isPresent();
    }

    @Test
    void shouldBindEveryChannelToItsExchangeConstant() {
        assertThat(config.byChannel("exchange.name"))
                .isEqualTo(Map.of(
                        Channels.IDENTITY_EVENTS, Exchanges.IDENTITY_EVENTS,
                        Channels.TENANT_EVENTS, Exchanges.TENANT_EVENTS,
                        Channels.DEAD_LETTERS, Exchanges.DEAD_LETTERS));
        assertThat(config.deadLetterExchanges()).containsExactly(Exchanges.DEAD_LETTERS);
    }

    @Test
    void shouldConsumeTheFleetWideQueueConstantsWithTheirBindings() {
        assertThat(config.byChannel("queue.name"))
                .isEqualTo(Map.of(
                        Channels.IDENTITY_EVENTS, Queues.IDENTITY_CONSUMER_ALL,
                        Channels.TENANT_EVENTS, Queues.IDENTITY_CONSUMER_TENANT_STATUS));
        assertThat(config.byChannel("routing-keys"))
                .isEqualTo(Map.of(
                        Channels.IDENTITY_EVENTS, IdentityRouting.ALL,
                        Channels.TENANT_EVENTS, RoutingKeys.ALL_TENANT_EVENTS));
    }
}
