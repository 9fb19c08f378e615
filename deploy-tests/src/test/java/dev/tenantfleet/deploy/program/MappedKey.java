package dev.tenantfleet.deploy.program;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One leaf property of a {@code @ConfigMapping} interface, e.g. {@code tenantfleet.server-credentials.*.username}:
 * {@code *} stands for a map key, {@code [*]} for a list index.
 *
 * @param property the property name
 * @param required no default, not optional: the service does not start without it
 * @param list     a list property, also settable element by element ({@code NAME_0_})
 */
public record MappedKey(String property, boolean required, boolean list) {
    private static final Pattern WILDCARD = Pattern.compile("\\[\\*]|\\*");

    /** The environment names that set this property: a map key is any upper-case word, a list index any number. */
    public Pattern envPattern() {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = WILDCARD.matcher(property);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(EnvForm.of(property.substring(last, matcher.start()))));
            regex.append(matcher.group().equals("*") ? "[A-Z0-9_]+" : "_[0-9]+_");
            last = matcher.end();
        }
        regex.append(Pattern.quote(EnvForm.of(property.substring(last))));
        if (list) {
            regex.append("(_[0-9]+_)?");
        }
        return Pattern.compile(regex.toString());
    }

    /** Whether the name has no wildcard, i.e. is one exact property. */
    public boolean exact() {
        return !property.contains("*");
    }
}
