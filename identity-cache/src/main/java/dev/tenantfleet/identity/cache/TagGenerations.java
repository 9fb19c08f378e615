package dev.tenantfleet.identity.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generations of some tags read BEFORE loading from the source of truth (fill step 1), to be recorded in the entry
 * written after the load (step 3).
 *
 * @param byTag generation of each tag, in the order the tags were given
 */
public record TagGenerations(Map<String, Long> byTag) {

    public TagGenerations {
        byTag = Collections.unmodifiableMap(new LinkedHashMap<>(byTag));
    }
}
