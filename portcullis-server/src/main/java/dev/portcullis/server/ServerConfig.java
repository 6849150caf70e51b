package dev.portcullis.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code portcullis serve} runs with: {@code portcullis-server.yml} (docs/server.md), then the command line.
 *
 * @param publicUrl the URL clients reach the firewall at, ending in '/' (tarball URLs are rewritten to it); null
 *     for {@code http://<listen>/}
 * @param upstream the default upstream registry, ending in '/'
 * @param upstreamToken the token sent to the default upstream, or null ({@code ${VAR}} is read from the environment)
 * @param scopes a scope ({@code @acme}) → its own upstream; a request for such a scope never goes anywhere else
 * @param policyFile a policy file ({@code portcullis.yml} schema), or null
 * @param policyText the configuration's {@code policy:} section, padded so that its lines keep their numbers in
 *     {@code policySource}, or null
 * @param accessTokens when not empty, clients must send one of these as a bearer token
 * @param packumentTtl how long an upstream document is served before it is asked for again
 * @param analysisWait how long a tarball request waits for the analysis of its version before answering 503
 * @param memoryCacheBytes how many bytes of recently served, checked tarballs to keep in memory
 */
public record ServerConfig(String host, int port, String publicUrl, String upstream, String upstreamToken,
                           Map<String, Upstream> scopes, Path policyFile, String policyText, String policySource,
                           Path dataDir, long maxPackumentBytes, long maxTarballBytes, Duration packumentTtl,
                           Duration analysisWait, List<String> accessTokens, Path advisoryDatabase,
                           long memoryCacheBytes) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4873;

    /** A scope's upstream and its token (or null). */
    public record Upstream(String url, String token) {
        public Upstream {
            Objects.requireNonNull(url, "url");
        }
    }

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        scopes = Map.copyOf(scopes);
        accessTokens = List.copyOf(accessTokens);
        Objects.requireNonNull(packumentTtl, "packumentTtl");
        Objects.requireNonNull(analysisWait, "analysisWait");
    }

    /** The URL clients use, ending in '/'. */
    public String publicBase(int boundPort) {
        if (publicUrl != null) {
            return publicUrl;
        }
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + boundPort + "/";
    }

    public ServerConfig withListen(String newHost, int newPort) {
        return new ServerConfig(newHost, newPort, publicUrl, upstream, upstreamToken, scopes, policyFile, policyText,
                policySource, dataDir, maxPackumentBytes, maxTarballBytes, packumentTtl, analysisWait, accessTokens,
                advisoryDatabase, memoryCacheBytes);
    }

    public ServerConfig withUpstream(String url) {
        return new ServerConfig(host, port, publicUrl, url, upstreamToken, scopes, policyFile, policyText,
                policySource, dataDir, maxPackumentBytes, maxTarballBytes, packumentTtl, analysisWait, accessTokens,
                advisoryDatabase, memoryCacheBytes);
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(host, port, publicUrl, upstream, upstreamToken, scopes, policyFile, policyText,
                policySource, dir, maxPackumentBytes, maxTarballBytes, packumentTtl, analysisWait, accessTokens,
                advisoryDatabase, memoryCacheBytes);
    }

    /** A policy file replacing the configuration's {@code policy:} section. */
    public ServerConfig withPolicyFile(Path file) {
        return new ServerConfig(host, port, publicUrl, upstream, upstreamToken, scopes, file, null, null, dataDir,
                maxPackumentBytes, maxTarballBytes, packumentTtl, analysisWait, accessTokens, advisoryDatabase,
                memoryCacheBytes);
    }
}
