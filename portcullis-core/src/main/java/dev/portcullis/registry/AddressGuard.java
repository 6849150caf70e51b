package dev.portcullis.registry;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which hosts a download may connect to. A tarball URL comes from a lockfile or a registry's answer, both of which
 * a pull request or a hostile mirror controls, so a download never goes to a loopback, private (RFC 1918,
 * {@code fc00::/7}), link-local ({@code 169.254/16}, {@code fe80::/10}, which holds the cloud metadata service
 * {@code 169.254.169.254}), shared ({@code 100.64/10}, Alibaba's metadata {@code 100.100.100.200}), unspecified or
 * multicast address — unless the host is a configured registry (the user chose it in .npmrc, as tests choose the
 * registry on 127.0.0.1) or the policy names it ({@code registries.privateHosts}). The check is made on the
 * addresses the name resolves to, so a public-looking name that resolves to {@code 169.254.169.254} is refused.
 */
public final class AddressGuard {
    /** Resolves a host name to its addresses (the system resolver, or a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> trusted;
    private final Resolver resolver;

    /**
     * @param trusted hosts that may resolve anywhere: the configured registries' and the policy's
     *     {@code registries.privateHosts}, compared in lower case
     */
    public AddressGuard(Set<String> trusted, Resolver resolver) {
        Set<String> lower = new LinkedHashSet<>();
        trusted.forEach(h -> lower.add(h.toLowerCase(Locale.ROOT)));
        this.trusted = Set.copyOf(lower);
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The guard of a configuration: its registries trusted, and {@code privateHosts} from the policy. */
    public static AddressGuard of(NpmConfig config, List<String> privateHosts) {
        Set<String> trusted = new LinkedHashSet<>(config.registryHosts());
        trusted.addAll(privateHosts);
        return new AddressGuard(trusted, InetAddress::getAllByName);
    }

    /**
     * Why {@code url} must not be fetched, or empty when it may be: a configured or named host, or a host whose
     * every address is public.
     */
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of(url + " has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (trusted.contains(bare.toLowerCase(Locale.ROOT)) || trusted.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + bare + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String kind = forbidden(address);
            if (kind != null) {
                return Optional.of("refused to connect to " + bare + (bare.equals(address.getHostAddress()) ? ""
                        : " (" + address.getHostAddress() + ")") + ", a " + kind + " address that is not a "
                        + "configured registry (name it under registries.privateHosts in portcullis.yml to allow it)");
            }
        }
        return Optional.empty();
    }

    /** What kind of address a download must not reach, or null for a public one. */
    static String forbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return address.getHostAddress().equals("169.254.169.254") ? "cloud metadata (link-local)" : "link-local";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second < 128) {
                return "shared (carrier-grade NAT)"; // 100.64/10, where Alibaba's metadata service lives
            }
            if (first == 0 || first >= 240) {
                return "reserved";
            }
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)"; // fc00::/7, AWS's metadata at fd00:ec2::254
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return "private (site-local)";
            }
            if (isMappedV4(b)) {
                try {
                    return forbidden(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return "reserved";
                }
            }
        }
        return null;
    }

    /** {@code ::ffff:a.b.c.d}, which Java usually converts itself, and {@code ::a.b.c.d}. */
    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0 && (b[12] | b[13]) != 0);
    }
}
