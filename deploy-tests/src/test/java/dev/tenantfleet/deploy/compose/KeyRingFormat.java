package dev.tenantfleet.deploy.compose;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The key ring rules every service enforces at start (docs/configuration.md, "The key ring"): {@code id:base64key}
 * entries, comma-separated, unique non-blank ids, each key exactly 32 bytes. An example ring that breaks them would
 * make `docker compose up` fail on the first start.
 */
public final class KeyRingFormat {
    private KeyRingFormat() {}

    public static List<String> problems(String ring) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String entry : ring.split(",")) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (id.isEmpty() || !ids.add(id)) {
                problems.add("entry '" + entry.trim() + "' needs a unique, non-blank id before ':'");
                continue;
            }
            try {
                int length =
                        Base64.getDecoder().decode(entry.substring(colon + 1).trim()).length;
                if (length != 32) {
                    problems.add("key " + id + " is " + length + " bytes, not 32");
                }
            } catch (IllegalArgumentException e) {
                problems.add("key " + id + " is not base64");
            }
        }
        return problems;
    }
}
