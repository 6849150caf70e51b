package dev.portcullis.registry;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The npm configuration that decides where packages come from: .npmrc files (global, user, project — later
 * ones win) and {@code npm_config_*} environment variables, as npm reads them. The ini dialect is npm's own
 * (key = value, ; and # comments, ${VAR} expansion), small enough that a library would add more than it saves.
 *
 * @param registry the default registry, always ending in '/'
 * @param scopedRegistries {@code @scope} → registry URL
 * @param settings every key read, for auth ({@code //host/path/:_authToken}), proxies and TLS
 * @param sources the files that contributed, in the order read
 */
public record NpmConfig(String registry, Map<String, String> scopedRegistries, Map<String, String> settings,
                        List<Path> sources) {
    public static final String DEFAULT_REGISTRY = "https://registry.npmjs.org/";
    private static final Pattern ENV = Pattern.compile("\\$\\{([^}]+)}");
    /** A .npmrc is a handful of lines; a larger file is not read whole. */
    private static final long MAX_NPMRC_BYTES = 1 << 20;

    public NpmConfig {
        registry = withSlash(Objects.requireNonNull(registry, "registry"));
        scopedRegistries = Map.copyOf(scopedRegistries);
        settings = Map.copyOf(settings);
        sources = List.copyOf(sources);
    }

    public static NpmConfig defaults() {
        return new NpmConfig(DEFAULT_REGISTRY, Map.of(), Map.of(), List.of());
    }

    /**
     * Reads the configuration npm would use in {@code projectDir}.
     *
     * @param env the environment (passed in so that tests control it)
     * @param home the user's home directory
     */
    public static NpmConfig load(Path projectDir, Map<String, String> env, Path home) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        List<Path> sources = new ArrayList<>();
        String prefix = firstNonNull(env.get("npm_config_prefix"), env.get("NPM_CONFIG_PREFIX"), "/usr/local");
        Path global = Path.of(firstNonNull(env.get("npm_config_globalconfig"), env.get("NPM_CONFIG_GLOBALCONFIG"),
                prefix + "/etc/npmrc"));
        Path user = Path.of(firstNonNull(env.get("npm_config_userconfig"), env.get("NPM_CONFIG_USERCONFIG"),
                home.resolve(".npmrc").toString()));
        for (Path file : List.of(global, user, projectDir.resolve(".npmrc"))) {
            if (Files.isRegularFile(file) && Files.size(file) <= MAX_NPMRC_BYTES) {
                parse(Files.readString(file, StandardCharsets.UTF_8), env, settings);
                sources.add(file);
            }
        }
        env.forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith("npm_config_") && !lower.equals("npm_config_prefix")) {
                settings.put(lower.substring("npm_config_".length()).replace('_', '-'), value);
            }
        });
        return fromSettings(settings, sources);
    }

    static NpmConfig fromSettings(Map<String, String> settings, List<Path> sources) {
        Map<String, String> scoped = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("@") && key.endsWith(":registry")) {
                scoped.put(key.substring(0, key.length() - ":registry".length()), withSlash(value));
            }
        });
        String registry = settings.getOrDefault("registry", DEFAULT_REGISTRY);
        return new NpmConfig(registry, scoped, settings, sources);
    }

    /** Parses npm's ini dialect into {@code into}; later keys win. Sections are not used by npm and are ignored. */
    static void parse(String text, Map<String, String> env, Map<String, String> into) {
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#") || line.startsWith("[")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = expand(line.substring(0, eq).strip(), env);
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            into.put(key, expand(value, env));
        }
    }

    private static String expand(String value, Map<String, String> env) {
        Matcher m = ENV.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The registry serving {@code packageName}: its scope's registry, else the default. */
    public String registryFor(String packageName) {
        if (packageName.startsWith("@")) {
            int slash = packageName.indexOf('/');
            if (slash > 0) {
                String scoped = scopedRegistries.get(packageName.substring(0, slash));
                if (scoped != null) {
                    return scoped;
                }
            }
        }
        return registry;
    }

    /** The hosts of every configured registry, lower case. */
    public Set<String> registryHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        host(registry).ifPresent(hosts::add);
        scopedRegistries.values().forEach(url -> host(url).ifPresent(hosts::add));
        return hosts;
    }

    /**
     * The credential npm would send to {@code url}, as an Authorization header value: under the key that
     * {@link NerfDart#match} finds for it, the {@code _authToken} (bearer), else {@code _auth} (basic), else
     * {@code username} with the base64 {@code _password} (basic), as npm prefers them.
     */
    public Optional<String> authorization(String url) {
        Map<String, String> credentials = new java.util.HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("//") && !value.isEmpty()) {
                int colon = key.lastIndexOf(':');
                credentials.put(NerfDart.normalise(key.substring(0, colon)) + key.substring(colon), value);
            }
        });
        return NerfDart.match(url, key -> credentials.containsKey(key + ":_authToken")
                || credentials.containsKey(key + ":_auth")
                || credentials.containsKey(key + ":username") && credentials.containsKey(key + ":_password"))
                .map(key -> {
                    if (credentials.containsKey(key + ":_authToken")) {
                        return "Bearer " + credentials.get(key + ":_authToken");
                    }
                    if (credentials.containsKey(key + ":_auth")) {
                        return "Basic " + credentials.get(key + ":_auth");
                    }
                    String password = new String(java.util.Base64.getMimeDecoder().decode(
                            credentials.get(key + ":_password")), StandardCharsets.UTF_8);
                    return "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (credentials.get(key + ":username") + ":" + password).getBytes(StandardCharsets.UTF_8));
                });
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).filter(v -> !v.isEmpty());
    }

    static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(URI.create(url).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        throw new IllegalArgumentException("no value");
    }
}
