package dev.tenantfleet.deploy.k8s;

import dev.tenantfleet.deploy.Problems;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker address KEDA polls is resolved by the KEDA operator, in its own namespace (keda by default), not in the
 * worker's: a short name like {@code rabbitmq} does not reach the worker's broker, and the scaler fails or watches
 * something else. So the host is qualified (a full DNS name or an address), and when the worker names its broker by a
 * qualified name too, it is the same one: a scaler watching another broker sees an empty queue.
 */
final class KedaBrokerHost {
    private static final Pattern URL_HOST =
            Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/]*@)?(\\[[^]]+]|[^:/?#]+)");

    private KedaBrokerHost() {}

    /** {@code url}: KEDA's host parameter; {@code workerHost}: the worker's RABBITMQ_HOST, if known. */
    static void check(String where, String url, String workerHost, Problems problems) {
        Optional<String> host = host(url);
        if (host.isEmpty()) {
            problems.add(where, "host is no URL: " + url.replaceAll("//[^@/]*@", "//...@"));
            return;
        }
        if (!host.get().contains(".") && !host.get().contains(":")) {
            problems.add(
                    where,
                    "host " + host.get() + " is a short name, which the KEDA operator resolves in its own "
                            + "namespace: use the broker's full name (" + host.get()
                            + ".<namespace>.svc.cluster.local)");
        } else if (workerHost != null
                && workerHost.contains(".")
                && !workerHost.trim().equalsIgnoreCase(host.get())) {
            problems.add(
                    where,
                    "host " + host.get() + " is not the broker the worker consumes from (RABBITMQ_HOST "
                            + workerHost.trim() + "): the scaler would watch another queue");
        }
    }

    static Optional<String> host(String url) {
        Matcher matcher = URL_HOST.matcher(url == null ? "" : url.trim());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
