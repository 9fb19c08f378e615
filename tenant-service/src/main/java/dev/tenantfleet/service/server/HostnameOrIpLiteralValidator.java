package dev.tenantfleet.service.server;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks {@link HostnameOrIpLiteral}; null is left to {@code @NotBlank}. Never resolves a name. */
public class HostnameOrIpLiteralValidator implements ConstraintValidator<HostnameOrIpLiteral, String> {
    /** Dot-separated labels of 1-63 characters, not starting or ending with a hyphen; one trailing dot allowed. */
    private static final Pattern HOSTNAME = Pattern.compile(
            "^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?$");
    /** What an IPv6 literal can hold (an IPv4 tail included); only such text is handed to InetAddress. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    @Override
    public boolean isValid(String host, ConstraintValidatorContext context) {
        return host == null || HOSTNAME.matcher(host).matches() || isIpv6Literal(host);
    }

    private static boolean isIpv6Literal(String host) {
        if (!host.contains(":") || !IPV6_CHARACTERS.matcher(host).matches()) {
            return false;
        }
        try {
            // With a colon and only these characters, getByName parses a literal and never asks DNS (it throws
            // instead); an IPv4-mapped literal comes back as an Inet4Address, which is fine too.
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
