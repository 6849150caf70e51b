package dev.portcullis.server;

import dev.portcullis.model.Durations;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Redaction;
import dev.portcullis.yaml.Yaml;
import dev.portcullis.yaml.YamlLimits;
import dev.portcullis.yaml.YamlNodes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code portcullis-server.yml}. Like the policy reader it walks snakeyaml-engine's node tree, so every
 * problem — an unknown key above all — names its line.
 */
public final class ServerConfigReader {
    private static final int MAX_CHARS = 1 << 20;
    private static final Set<String> TOP = Set.of("listen", "publicUrl", "upstream", "scopes", "policy", "policyFile",
            "storage", "access", "analysisWait", "advisoryDatabase");
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private final String file;
    private final Path baseDir;
    private final Map<String, String> env;
    private final YamlNodes nodes;

    private ServerConfigReader(String file, Path baseDir, Map<String, String> env) {
        this.file = file;
        this.baseDir = baseDir;
        this.env = env;
        this.nodes = new YamlNodes(file);
    }

    /** The defaults: loopback on 4873, {@code upstream} as the default upstream, data under {@code dataDir}. */
    public static ServerConfig defaults(String upstream, Path dataDir) {
        return new ServerConfig(ServerConfig.DEFAULT_HOST, ServerConfig.DEFAULT_PORT, null, slash(upstream), null,
                Map.of(), null, null, null, dataDir, 64L << 20, 256L << 20, Duration.ofMinutes(5),
                Duration.ofSeconds(60), List.of(), null, 128L << 20);
    }

    /**
     * Reads {@code text}, the configuration file {@code fileName} (relative paths in it are taken from
     * {@code baseDir}), over {@code defaults}.
     */
    public static ServerConfig read(String fileName, Path baseDir, String text, ServerConfig defaults,
                                    Map<String, String> env) throws InputException {
        return new ServerConfigReader(fileName, baseDir, env).read(text, defaults);
    }

    private ServerConfig read(String text, ServerConfig d) throws InputException {
        if (text.length() > MAX_CHARS) {
            throw new InputException(Location.of(file), "larger than " + MAX_CHARS + " characters: not a configuration");
        }
        Optional<Node> root;
        try {
            root = new Compose(Yaml.settings(file, YamlLimits.configuration(MAX_CHARS))).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new InputException(new Location(file, line), "malformed YAML: " + Redaction.quoting(e.getProblem()));
        } catch (YamlEngineException e) {
            throw new InputException(Location.of(file), "malformed YAML: " + Redaction.quoting(String.valueOf(
                    e.getMessage()).lines().findFirst().orElse("")));
        }
        if (root.isEmpty()) {
            return d;
        }
        Map<String, Node> top = mapping(root.get(), "the configuration", TOP);
        String host = d.host();
        int port = d.port();
        if (top.containsKey("listen")) {
            Listen listen = listen(scalar(top.get("listen"), "listen"), location(top.get("listen")));
            host = listen.host();
            port = listen.port();
        }
        String publicUrl = top.containsKey("publicUrl") ? url(top.get("publicUrl"), "publicUrl") : d.publicUrl();
        String upstream = d.upstream();
        String upstreamToken = d.upstreamToken();
        if (top.containsKey("upstream")) {
            Node node = top.get("upstream");
            if (node instanceof ScalarNode) {
                upstream = url(node, "upstream");
            } else {
                ServerConfig.Upstream u = upstream(node, "upstream");
                upstream = u.url();
                upstreamToken = u.token();
            }
        }
        Map<String, ServerConfig.Upstream> scopes = new LinkedHashMap<>(d.scopes());
        if (top.containsKey("scopes")) {
            for (Map.Entry<String, Node> e : mapping(top.get("scopes"), "scopes", null).entrySet()) {
                if (!e.getKey().matches("@[a-z0-9][a-z0-9._~-]*")) {
                    throw new InputException(location(e.getValue()), "scopes: '" + e.getKey()
                            + "' is not a scope; write it as @acme");
                }
                scopes.put(e.getKey(), upstream(e.getValue(), "scopes." + e.getKey()));
            }
        }
        Path policyFile = d.policyFile();
        String policyText = d.policyText();
        String policySource = d.policySource();
        if (top.containsKey("policy") && top.containsKey("policyFile")) {
            throw new InputException(location(top.get("policyFile")), "give either policy or policyFile, not both");
        }
        if (top.containsKey("policyFile")) {
            policyFile = baseDir.resolve(scalar(top.get("policyFile"), "policyFile"));
            policyText = null;
        }
        if (top.containsKey("policy")) {
            policyText = section(text, top.get("policy"));
            policySource = file;
            policyFile = null;
        }
        Path dataDir = d.dataDir();
        long maxPackument = d.maxPackumentBytes();
        long maxTarball = d.maxTarballBytes();
        Duration ttl = d.packumentTtl();
        long memoryCache = d.memoryCacheBytes();
        if (top.containsKey("storage")) {
            Map<String, Node> storage = mapping(top.get("storage"), "storage",
                    Set.of("data", "maxPackumentBytes", "maxTarballBytes", "packumentTtl", "memoryCache"));
            if (storage.containsKey("data")) {
                dataDir = baseDir.resolve(scalar(storage.get("data"), "storage.data"));
            }
            if (storage.containsKey("maxPackumentBytes")) {
                maxPackument = size(storage.get("maxPackumentBytes"), "storage.maxPackumentBytes");
            }
            if (storage.containsKey("maxTarballBytes")) {
                maxTarball = size(storage.get("maxTarballBytes"), "storage.maxTarballBytes");
            }
            if (storage.containsKey("memoryCache")) {
                String cache = scalar(storage.get("memoryCache"), "storage.memoryCache").trim();
                memoryCache = cache.equals("0") ? 0 : size(storage.get("memoryCache"), "storage.memoryCache");
            }
            if (storage.containsKey("packumentTtl")) {
                ttl = duration(storage.get("packumentTtl"), "storage.packumentTtl");
            }
        }
        List<String> tokens = d.accessTokens();
        if (top.containsKey("access")) {
            Map<String, Node> access = mapping(top.get("access"), "access", Set.of("tokens"));
            tokens = new ArrayList<>();
            if (access.containsKey("tokens")) {
                for (Node item : sequence(access.get("tokens"), "access.tokens")) {
                    String token = expand(item, "access.tokens");
                    if (token.length() < 16) {
                        throw new InputException(location(item), "access.tokens: a token needs at least 16 characters");
                    }
                    tokens.add(token);
                }
            }
        }
        Duration wait = top.containsKey("analysisWait") ? duration(top.get("analysisWait"), "analysisWait")
                : d.analysisWait();
        Path advisories = top.containsKey("advisoryDatabase")
                ? baseDir.resolve(scalar(top.get("advisoryDatabase"), "advisoryDatabase")) : d.advisoryDatabase();
        return new ServerConfig(host, port, publicUrl, upstream, upstreamToken, scopes, policyFile, policyText,
                policySource, dataDir, maxPackument, maxTarball, ttl, wait, tokens, advisories, memoryCache);
    }

    /** A value with {@code ${VAR}} replaced from the environment; an unset variable is an error, not "". */
    private String expand(Node node, String what) throws InputException {
        String text = scalar(node, what);
        java.util.regex.Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null || value.isEmpty()) {
                throw new InputException(location(node), what + ": the environment variable " + m.group(1)
                        + " is not set");
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A listen address. */
    public record Listen(String host, int port) {
    }

    /** {@code HOST:PORT}, {@code [::1]:PORT} or {@code :PORT}. */
    public static Listen listen(String text, Location where) throws InputException {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new InputException(where, "listen: '" + text + "' is not HOST:PORT");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InputException(where, "listen: '" + text + "' has no port number");
        }
        if (port < 0 || port > 65535) {
            throw new InputException(where, "listen: port " + port + " is not between 0 and 65535");
        }
        return new Listen(host.isEmpty() ? ServerConfig.DEFAULT_HOST : host, port);
    }

    /** {@code url} with a trailing slash, when it is an http(s) URL with a host. */
    public static Optional<String> httpUrl(String text) {
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(slash(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String slash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private String url(Node node, String what) throws InputException {
        String text = scalar(node, what);
        return httpUrl(text).orElseThrow(() -> new InputException(location(node), what + ": '" + text
                + "' is not an http(s) URL with a host (and no user, query or fragment)"));
    }

    private ServerConfig.Upstream upstream(Node node, String what) throws InputException {
        Map<String, Node> fields = mapping(node, what, Set.of("url", "token"));
        if (!fields.containsKey("url")) {
            throw new InputException(location(node), what + " needs a url");
        }
        String token = fields.containsKey("token") ? scalar(fields.get("token"), what + ".token") : null;
        return new ServerConfig.Upstream(url(fields.get("url"), what + ".url"), token);
    }

    /**
     * The lines of a mapping section, with its indentation removed and blank lines before it, so that a reader of
     * the result reports the same line numbers as the configuration file.
     */
    private String section(String text, Node node) throws InputException {
        if (!(node instanceof MappingNode) || ((MappingNode) node).getFlowStyle().name().equals("FLOW")) {
            throw new InputException(location(node), "policy must be a block mapping (portcullis.yml's keys, indented)");
        }
        int start = node.getStartMark().orElseThrow().getLine();
        int end = node.getEndMark().orElseThrow().getLine();
        String[] lines = text.split("\n", -1);
        int indent = node.getStartMark().get().getColumn();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < start; i++) {
            out.append('\n');
        }
        for (int i = start; i <= Math.min(end, lines.length - 1); i++) {
            String line = lines[i];
            int strip = 0;
            while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
                strip++;
            }
            if (i > start && strip < indent && !line.isBlank()) {
                break; // the next key of the configuration, where the section's end mark lies
            }
            out.append(line.substring(strip)).append('\n');
        }
        return out.toString();
    }

    private long size(Node node, String what) throws InputException {
        String text = scalar(node, what).trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        for (Map.Entry<String, Long> u : Map.of("KB", 1L << 10, "MB", 1L << 20, "GB", 1L << 30).entrySet()) {
            if (text.endsWith(u.getKey())) {
                unit = u.getValue();
                text = text.substring(0, text.length() - 2).trim();
            }
        }
        try {
            long value = Long.parseLong(text) * unit;
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InputException(location(node), what + ": '" + scalar(node, what)
                    + "' is not a size (bytes, or a number with KB, MB or GB)");
        }
    }

    private Duration duration(Node node, String what) throws InputException {
        String text = scalar(node, what);
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(location(node), what + ": " + e.getMessage());
        }
    }

    private Map<String, Node> mapping(Node node, String what, Set<String> allowed) throws InputException {
        return nodes.mapping(node, what, allowed);
    }

    private List<Node> sequence(Node node, String what) throws InputException {
        return nodes.sequence(node, what);
    }

    private String scalar(Node node, String what) throws InputException {
        return nodes.scalar(node, what);
    }

    private Location location(Node node) {
        return nodes.location(node);
    }
}
