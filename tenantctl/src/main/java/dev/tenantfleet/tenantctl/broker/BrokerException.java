package dev.tenantfleet.tenantctl.broker;

import dev.tenantfleet.tenantctl.CliException;
import dev.tenantfleet.tenantctl.ExitCodes;

/** The broker could not be used: unreachable, login refused, exchange missing, command unroutable or not confirmed. */
public final class BrokerException extends CliException {
    public BrokerException(String message) {
        super(ExitCodes.NOT_STARTED, message);
    }

    public BrokerException(String message, Throwable cause) {
        super(ExitCodes.NOT_STARTED, message, cause);
    }
}
