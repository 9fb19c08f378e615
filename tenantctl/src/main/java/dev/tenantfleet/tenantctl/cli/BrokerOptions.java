package dev.tenantfleet.tenantctl.cli;

import picocli.CommandLine.Option;

/** Overrides of the RabbitMQ settings (otherwise from the environment; credentials only from the environment). */
public final class BrokerOptions {
    @Option(names = "--rabbitmq-host", paramLabel = "HOST", description = "env RABBITMQ_HOST, default 127.0.0.1")
    String host;

    @Option(names = "--rabbitmq-port", paramLabel = "PORT", description = "env RABBITMQ_PORT, default 5672")
    Integer port;

    @Option(names = "--rabbitmq-vhost", paramLabel = "VHOST", description = "env RABBITMQ_VIRTUAL_HOST, default /")
    String vhost;
}
