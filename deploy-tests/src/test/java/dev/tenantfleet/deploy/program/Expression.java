package dev.tenantfleet.deploy.program;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SmallRye Config property expressions: {@code ${NAME}}, {@code ${NAME:default}}, nested in names and defaults
 * ({@code ${binding.${TENANT_ID:fleet-wide}.identity-queue:...}}). A default is evaluated only when the name is not
 * found, as SmallRye does: that is what tells a required variable ({@code ${SYSTEM_API_TOKEN}}) from one that is only
 * read ({@code ${TENANT_ID}} inside a default that rarely applies).
 */
public final class Expression {
    // A name directly after "${" and directly before ":" or "}", so an outer name that holds a nested expression is
    // not taken for a name of its own.
    private static final Pattern NAME = Pattern.compile("\\$\\{([^${}:]+)(?=[:}])");

    private final String text;
    private final Function<String, Optional<String>> lookup;
    private final Set<String> missing;
    private int pos;

    private Expression(String text, Function<String, Optional<String>> lookup, Set<String> missing) {
        this.text = text;
        this.lookup = lookup;
        this.missing = missing;
    }

    /** Every name referenced anywhere in {@code text}, whether or not it would be evaluated. */
    public static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1).trim());
        }
        return names;
    }

    /** {@code text} expanded with {@code lookup}; names found nowhere and without a default land in {@code missing}. */
    public static String expand(String text, Function<String, Optional<String>> lookup, Set<String> missing) {
        return new Expression(text, lookup, missing).read(false, false, true);
    }

    private String read(boolean inName, boolean inDefault, boolean live) {
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '$' && text.startsWith("${", pos)) {
                pos += 2;
                out.append(expression(live));
            } else if (c == '}' && (inName || inDefault) || c == ':' && inName) {
                return out.toString();
            } else {
                out.append(c);
                pos++;
            }
        }
        return out.toString();
    }

    private String expression(boolean live) {
        String name = read(true, false, live).trim();
        Optional<String> value = live ? lookup.apply(name) : Optional.empty();
        String fallback = "";
        if (pos < text.length() && text.charAt(pos) == ':') {
            pos++;
            fallback = read(false, true, live && value.isEmpty());
        } else if (live && value.isEmpty()) {
            missing.add(name);
        }
        pos++; // the closing brace
        return value.orElse(fallback);
    }
}
