/**
 * Tenant Fleet's shared contracts: the CloudEvents envelope, tenant events and migration commands and
 * results as records behind sealed interfaces, RabbitMQ topology constants, error codes and the
 * credential cipher. A plain jar with no CDI so any JVM client (services, tenantctl, applications)
 * can depend on it.
 */
package dev.tenantfleet.model;
