package dev.portcullis.registry;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * npm's "nerf dart" matching of credentials to requests ({@code npm-registry-fetch}'s {@code regKeyFromURI}): a
 * credential key is {@code //host[:port]/path/} without the scheme, and a request to {@code url} uses the key found
 * by walking up the URL's own {@code //host[:port]/path} one segment (or one trailing slash) at a time, stopping
 * before {@code //}. So the host and port are compared whole, never as a string prefix ({@code //127.0.0.1} does not
 * match {@code 127.0.0.10}, {@code //npm.corp.example} does not match {@code npm.corp.example.attacker.example}),
 * a path matches on a segment boundary only ({@code /npm} matches {@code /npm/x}, never {@code /npmx}), and the
 * longest key wins because it is met first. The scheme's default port is dropped as a URL parser drops it; the host
 * is compared in lower case (npm lower-cases the request's host, and a host name is case-insensitive).
 */
public final class NerfDart {
    private NerfDart() {
    }

    /**
     * The first key, walking up from {@code url}, for which {@code hasCredential} holds; empty when none does or when
     * {@code url} is not an absolute http(s) URL with a host.
     *
     * @param hasCredential whether the configuration holds a credential under this key (for example
     *     {@code key + ":_authToken"})
     */
    public static Optional<String> match(String url, Predicate<String> hasCredential) {
        Optional<String> start = of(url);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        String key = start.get();
        while (key.length() > "//".length()) {
            if (hasCredential.test(key)) {
                return Optional.of(key);
            }
            // up one step: drop the last segment, or the trailing slash alone
            key = key.endsWith("/") ? key.substring(0, key.length() - 1)
                    : key.substring(0, key.lastIndexOf('/') + 1);
        }
        return Optional.empty();
    }

    /** {@code //host[:port]/path} of an http(s) URL (host lower-cased, default port dropped, no query). */
    public static Optional<String> of(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80
                || scheme.equals("https") && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return Optional.of("//" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path);
    }

    /**
     * A key as written in .npmrc, normalised as {@link #of} normalises a URL's (the host lower-cased), so that
     * {@code //NPM.corp.example/} names the same registry as {@code //npm.corp.example/}.
     */
    public static String normalise(String key) {
        if (!key.startsWith("//")) {
            return key;
        }
        int slash = key.indexOf('/', 2);
        String authority = slash < 0 ? key.substring(2) : key.substring(2, slash);
        return "//" + authority.toLowerCase(Locale.ROOT) + (slash < 0 ? "" : key.substring(slash));
    }
}
