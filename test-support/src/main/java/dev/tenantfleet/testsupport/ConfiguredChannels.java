package dev.tenantfleet.testsupport;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The RabbitMQ channels a service's application.properties configures, read as the connector reads them (a channel's
 * own attribute, else the connector-level {@code mp.messaging.connector.smallrye-rabbitmq.*} one), in the production
 * profile with expressions expanded and without the environment. For the tests that hold the configured names to the
 * Java constants.
 */
public final class ConfiguredChannels {
    private static final String CONNECTOR = "mp.messaging.connector.smallrye-rabbitmq.";

    private final SmallRyeConfig config;

    private ConfiguredChannels(SmallRyeConfig config) {
        this.config = config;
    }

    /** The application.properties on the class path, with {@code defaults} for what only exists at run time. */
    public static ConfiguredChannels ofApplicationProperties(Map<String, String> defaults) {
        URL file = Thread.currentThread().getContextClassLoader().getResource("application.properties");
        if (file == null) {
            throw new IllegalStateException("no application.properties on the class path");
        }
        try {
            return new ConfiguredChannels(new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    .withProfile("prod")
                    .withDefaultValues(defaults)
                    .withSources(new PropertiesConfigSource(file))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the incoming channels (those with a {@code connector}). */
    public Set<String> incoming() {
        return channels("mp.messaging.incoming.");
    }

    /** Names of the outgoing channels (those with a {@code connector}). */
    public Set<String> outgoing() {
        return channels("mp.messaging.outgoing.");
    }

    /** Names of every channel, incoming and outgoing. */
    public Set<String> channels() {
        Set<String> channels = new TreeSet<>(incoming());
        channels.addAll(outgoing());
        return channels;
    }

    /** The exchanges the incoming channels' queues dead-letter to (their own {@code dead-letter-exchange} or the connector's). */
    public Set<String> deadLetterExchanges() {
        Set<String> exchanges = new TreeSet<>();
        incoming()
                .forEach(channel -> value(
                                "mp.messaging.incoming." + channel + ".dead-letter-exchange", "dead-letter-exchange")
                        .ifPresent(exchanges::add));
        return exchanges;
    }

    /** {@code attribute} of every incoming or outgoing channel that has it (its own, else the connector-level one). */
    public Map<String, String> byChannel(String attribute) {
        Map<String, String> values = new TreeMap<>();
        incoming()
                .forEach(channel -> value("mp.messaging.incoming." + channel + "." + attribute, attribute)
                        .ifPresent(value -> values.put(channel, value)));
        outgoing()
                .forEach(channel -> value("mp.messaging.outgoing." + channel + "." + attribute, attribute)
                        .ifPresent(value -> values.put(channel, value)));
        return values;
    }

    /** Any property, expanded. */
    public Optional<String> property(String name) {
        return config.getOptionalValue(name, String.class);
    }

    /** The channel names a {@code Channels} class holds: its constants, but for the worker pools ({@code *_POOL}). */
    public static Set<String> channelConstants(Class<?> holder) {
        return constants(holder, name -> !name.endsWith("_POOL"));
    }

    /** The values of the public static final String constants of {@code holder} whose field name passes {@code filter}. */
    public static Set<String> constants(Class<?> holder, Predicate<String> filter) {
        Set<String> values = new TreeSet<>();
        for (Field field : holder.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers)
                    && Modifier.isFinal(modifiers)
                    && field.getType() == String.class
                    && filter.test(field.getName())) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private Optional<String> value(String channelKey, String attribute) {
        return config.getOptionalValue(channelKey, String.class)
                .or(() -> config.getOptionalValue(CONNECTOR + attribute, String.class));
    }

    private Set<String> channels(String prefix) {
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(prefix) && name.endsWith(".connector"))
                .map(name -> name.substring(prefix.length(), name.length() - ".connector".length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
