package dev.tenantfleet.tenantctl.api;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** tenant-service could not be reached (connection refused, unknown host, timeout, connection reset). */
public final class ApiUnreachableException extends RuntimeException {
    public ApiUnreachableException(URI base, String request, Throwable cause) {
        super(
                "cannot reach tenant-service at " + base + " (" + request + "): " + describe(cause)
                        + "; check TENANTFLEET_URL and that tenant-service is running",
                cause);
    }

    private static String describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "connect timed out";
            }
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String name = root.getClass().getSimpleName();
        if (root instanceof ConnectException
                && (message == null
                        || message.isBlank()
                        || message.toLowerCase().contains("refused"))) {
            return "connection refused";
        }
        if (root instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
