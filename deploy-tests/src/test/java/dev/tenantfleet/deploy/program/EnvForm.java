package dev.tenantfleet.deploy.program;

/**
 * The environment variable that sets a configuration property, by MicroProfile Config's rule (docs/configuration.md):
 * every character that is not a letter or digit becomes {@code _}, then upper case. {@code quarkus.http.port} ->
 * {@code QUARKUS_HTTP_PORT}, {@code quarkus.log.category."dev.tenantfleet".level} ->
 * {@code QUARKUS_LOG_CATEGORY__DEV_TENANTFLEET__LEVEL}. An environment name stays as it is.
 */
public final class EnvForm {
    private EnvForm() {}

    public static String of(String property) {
        StringBuilder env = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            env.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return env.toString();
    }
}
