package dev.portcullis.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.json.Json;
import dev.portcullis.model.LifecycleScripts;
import dev.portcullis.model.InstallScripts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Whether packages run install scripts, from registry metadata, for lockfiles that do not record it (yarn,
 * bun, pnpm 9, npm v1). Reads the abbreviated packument ({@code hasInstallScript} per version) and falls back
 * to the full document's {@code scripts}. A published version never changes, so answers are cached on disk per
 * package and reused forever; {@code --offline} answers from that cache alone. Fetching (auth, retries, size
 * limit) is {@link RegistryClient}'s.
 */
public final class InstallScriptLookup {
    private final RegistryClient client;
    private final Path cacheDir;
    private final boolean offline;
    private final ObjectMapper mapper = Json.mapper();

    /** The answers, and what could not be checked and why. */
    public record Result(Map<String, InstallScripts> byId, List<String> unchecked) {
        public Result {
            byId = Map.copyOf(byId);
            unchecked = List.copyOf(unchecked);
        }
    }

    /** A package to ask about. */
    public record Query(String name, String version) {
        String id() {
            return name + "@" + version;
        }
    }

    /**
     * @param cacheDir where answers are cached ({@code <cache>/install-scripts}), or null for no cache
     */
    public InstallScriptLookup(RegistryClient client, Path cacheDir) {
        this.client = client;
        this.cacheDir = cacheDir == null ? null : cacheDir.resolve("install-scripts");
        this.offline = client.offline();
    }

    public Result lookup(Collection<Query> queries) throws RegistryException {
        Map<String, Set<String>> versionsByName = new TreeMap<>();
        for (Query q : queries) {
            versionsByName.computeIfAbsent(q.name(), k -> new TreeSet<>()).add(q.version());
        }
        Map<String, InstallScripts> answers = new ConcurrentHashMap<>();
        List<String> unchecked = java.util.Collections.synchronizedList(new ArrayList<>());
        Semaphore permits = new Semaphore(client.limits().parallelism());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Map.Entry<String, Set<String>> entry : versionsByName.entrySet()) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        resolve(entry.getKey(), entry.getValue(), answers, unchecked);
                    } finally {
                        permits.release();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while fetching registry metadata", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RegistryException re) {
                throw re;
            }
            throw new RegistryException("fetching registry metadata failed: " + e.getCause(), e.getCause());
        }
        List<String> sorted = new ArrayList<>(unchecked);
        sorted.sort(null);
        return new Result(new TreeMap<>(answers), sorted);
    }

    private void resolve(String name, Set<String> versions, Map<String, InstallScripts> answers,
                         List<String> unchecked) throws RegistryException, IOException {
        ObjectNode cached = readCache(name);
        if (cached != null && versions.stream().allMatch(cached::has)) {
            versions.forEach(v -> answers.put(name + "@" + v, answer(cached.get(v))));
            return;
        }
        if (offline) {
            versions.stream().filter(v -> cached == null || !cached.has(v))
                    .forEach(v -> unchecked.add(name + "@" + v));
            if (cached != null) {
                versions.stream().filter(cached::has).forEach(v -> answers.put(name + "@" + v, answer(cached.get(v))));
            }
            return;
        }
        ObjectNode fetched = fetch(name);
        if (fetched == null) {
            versions.forEach(v -> unchecked.add(name + "@" + v + ": not found in " + client.registryFor(name)));
            return;
        }
        writeCache(name, fetched);
        for (String v : versions) {
            if (fetched.has(v)) {
                answers.put(name + "@" + v, answer(fetched.get(v)));
            } else {
                unchecked.add(name + "@" + v + ": the registry does not list this version");
            }
        }
    }

    private static InstallScripts answer(JsonNode value) {
        return value.asBoolean() ? InstallScripts.YES : InstallScripts.NO;
    }

    /** version → has install scripts, or null on 404. */
    private ObjectNode fetch(String name) throws RegistryException {
        Optional<byte[]> body = client.document(name, true);
        if (body.isEmpty()) {
            return null;
        }
        try {
            return parse(new ByteArrayInputStream(body.get()));
        } catch (IOException e) {
            throw new RegistryException("cannot read the registry document of " + name + ": " + e.getMessage(), e);
        }
    }

    /** Streams the packument, keeping per version only whether it runs install scripts. */
    private ObjectNode parse(InputStream body) throws IOException {
        ObjectNode result = mapper.createObjectNode();
        try (JsonParser p = Json.utf8Parser(mapper, body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the registry answered with something other than a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("versions") || p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String version = p.currentName();
                    p.nextToken();
                    JsonNode doc = mapper.readTree(p);
                    result.put(version, runsInstallScripts(doc));
                }
            }
        }
        return result;
    }

    static boolean runsInstallScripts(JsonNode versionDoc) {
        if (versionDoc.path("hasInstallScript").asBoolean(false) || versionDoc.path("gypfile").asBoolean(false)) {
            return true;
        }
        JsonNode scripts = versionDoc.path("scripts");
        return LifecycleScripts.FROM_TARBALL.stream().anyMatch(scripts::hasNonNull);
    }

    private Path cacheFile(String name) {
        return cacheDir.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json");
    }

    private ObjectNode readCache(String name) {
        if (cacheDir == null) {
            return null;
        }
        Path file = cacheFile(name);
        try {
            return Files.exists(file) && mapper.readTree(file.toFile()) instanceof ObjectNode node ? node : null;
        } catch (IOException e) {
            return null; // a damaged cache entry is refetched
        }
    }

    /** Writes through a temporary file and an atomic rename, so concurrent runs never read half a file. */
    private void writeCache(String name, ObjectNode answers) throws IOException {
        if (cacheDir == null) {
            return;
        }
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempFile(cacheDir, "tmp", ".json");
        mapper.writeValue(tmp.toFile(), answers);
        try {
            Files.move(tmp, cacheFile(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, cacheFile(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
