package dev.tenantfleet.tenantctl.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An RFC 9457 problem answer with tenant-service's {@code code} and {@code hint} extensions.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(
        String type, String title, Integer status, String detail, String instance, String code, String hint) {

    /** {@code <detail> (<code>) hint: <hint>}, leaving out what is absent. */
    public String describe() {
        StringBuilder text = new StringBuilder(detail != null ? detail : title != null ? title : "HTTP " + status);
        if (code != null) {
            text.append(" (").append(code).append(')');
        }
        if (hint != null) {
            text.append(" hint: ").append(hint);
        }
        return text.toString();
    }
}
