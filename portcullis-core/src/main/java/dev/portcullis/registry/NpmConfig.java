package dev.portcullis.registry;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.ProjectFiles;
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
 * @param origins where each setting was read ({@code .npmrc:3}, {@code /home/u/.npmrc:1}, or the environment
 *     variable), for messages that must name the line to fix
 */
public record NpmConfig(String registry, Map<String, String> scopedRegistries, Map<String, String> settings,
                        List<Path> sources, Map<String, Location> origins) {
    public static final String DEFAULT_REGISTRY = "https://registry.npmjs.org/";
    private static final Pattern ENV = Pattern.compile("\\$\\{([^}]+)}");
    /** A .npmrc is a handful of lines; a larger one is refused (exit 2), never silently skipped. */
    public static final long MAX_NPMRC_BYTES = 1 << 20;

    public NpmConfig {
        registry = withSlash(Objects.requireNonNull(registry, "registry"));
        scopedRegistries = Map.copyOf(scopedRegistries);
        settings = Map.copyOf(settings);
        sources = List.copyOf(sources);
        origins = Map.copyOf(origins);
    }

    /** A configuration whose settings were not read from files (tests, {@code --registry}). */
    public NpmConfig(String registry, Map<String, String> scopedRegistries, Map<String, String> settings,
                     List<Path> sources) {
        this(registry, scopedRegistries, settings, sources, Map.of());
    }

    public static NpmConfig defaults() {
        return new NpmConfig(DEFAULT_REGISTRY, Map.of(), Map.of(), List.of());
    }

    /** Where {@code key} was set ({@code .npmrc:3}), or the key's name when it was not read from a file. */
    public Location origin(String key) {
        return origins.getOrDefault(key, Location.of(key));
    }

    /**
     * Reads the configuration npm would use in {@code projectDir}.
     *
     * @param env the environment (passed in so that tests control it)
     * @param home the user's home directory
     * @throws InputException when a .npmrc is larger than {@link #MAX_NPMRC_BYTES}, is not a regular file, is the
     *     project's and leads outside the project, or names a registry that is not an http(s) URL: a scan must not
     *     fall back to a registry nobody configured
     */
    public static NpmConfig load(Path projectDir, Map<String, String> env, Path home)
            throws InputException, IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, Location> origins = new LinkedHashMap<>();
        List<Path> sources = new ArrayList<>();
        String prefix = firstNonNull(env.get("npm_config_prefix"), env.get("NPM_CONFIG_PREFIX"), "/usr/local");
        Path global = Path.of(firstNonNull(env.get("npm_config_globalconfig"), env.get("NPM_CONFIG_GLOBALCONFIG"),
                prefix + "/etc/npmrc"));
        Path user = Path.of(firstNonNull(env.get("npm_config_userconfig"), env.get("NPM_CONFIG_USERCONFIG"),
                home.resolve(".npmrc").toString()));
        for (Path file : List.of(global, user)) {
            if (Files.exists(file)) {
                read(ProjectFiles.readBounded(file, file.toString(), MAX_NPMRC_BYTES), file.toString(), env,
                        settings, origins);
                sources.add(file);
            }
        }
        if (ProjectFiles.isFile(projectDir, ".npmrc")) {
            read(ProjectFiles.read(projectDir, ".npmrc", MAX_NPMRC_BYTES), ".npmrc", env, settings, origins);
            sources.add(projectDir.resolve(".npmrc"));
        }
        env.forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith("npm_config_") && !lower.equals("npm_config_prefix")) {
                String setting = lower.substring("npm_config_".length()).replace('_', '-');
                settings.put(setting, value);
                origins.put(setting, Location.of("the environment variable " + key));
            }
        });
        NpmConfig config = fromSettings(settings, sources, origins);
        config.checkRegistries();
        return config;
    }

    private static void read(byte[] bytes, String shown, Map<String, String> env, Map<String, String> settings,
                             Map<String, Location> origins) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        parse(new String(bytes, StandardCharsets.UTF_8), env, settings, lines);
        lines.forEach((key, line) -> origins.put(key, new Location(shown, line)));
    }

    /** Every registry is an http(s) URL with a host, or the run stops naming the line that set it. */
    private void checkRegistries() throws InputException {
        Map<String, String> registries = new LinkedHashMap<>();
        registries.put("registry", registry);
        scopedRegistries.forEach((scope, url) -> registries.put(scope + ":registry", url));
        for (Map.Entry<String, String> e : registries.entrySet()) {
            String url = e.getValue();
            boolean http = url.startsWith("https://") || url.startsWith("http://");
            if (!http || host(url).isEmpty()) {
                throw new InputException(origin(e.getKey()), e.getKey() + " is not an http(s) registry URL ('"
                        + dev.portcullis.model.Redaction.snippet(url) + "')");
            }
        }
    }

    static NpmConfig fromSettings(Map<String, String> settings, List<Path> sources) {
        return fromSettings(settings, sources, Map.of());
    }

    static NpmConfig fromSettings(Map<String, String> settings, List<Path> sources, Map<String, Location> origins) {
        Map<String, String> scoped = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("@") && key.endsWith(":registry")) {
                scoped.put(key.substring(0, key.length() - ":registry".length()), withSlash(value));
            }
        });
        String registry = settings.getOrDefault("registry", DEFAULT_REGISTRY);
        return new NpmConfig(registry, scoped, settings, sources, origins);
    }

    /** Parses npm's ini dialect into {@code into}; later keys win. Sections are not used by npm and are ignored. */
    static void parse(String text, Map<String, String> env, Map<String, String> into) {
        parse(text, env, into, new LinkedHashMap<>());
    }

    /** As {@link #parse(String, Map, Map)}, recording in {@code lines} the 1-based line each key was set on. */
    static void parse(String text, Map<String, String> env, Map<String, String> into, Map<String, Integer> lines) {
        int number = 0;
        for (String raw : text.split("\\R")) {
            number++;
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
            lines.put(key, number);
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
