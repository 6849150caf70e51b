package dev.portcullis.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.policy.PolicyResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The forensic record of runs ({@code --record FILE}): one JSON line appended per run, saying what was checked —
 * every locked package with its integrity, where it comes from and its verdict with the findings and the policy's
 * ignores behind it — with the tool's version, the time, and the policy file's SHA-256, so that a later investigation
 * can answer "what did this build install, and why was it allowed". {@code scan} and {@code sbom} write it;
 * {@code verify} appends its own lines through {@link #append}. Lines are appended under a file lock, whole, so that
 * concurrent CI jobs writing one file do not interleave.
 */
public final class ForensicRecord {
    /** The format of each line; a reader checks it before anything else. */
    public static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = Json.mapper();

    private final Path file;

    public ForensicRecord(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * One package as a run saw it.
     *
     * @param integrity the lockfile's integrity, or null when it records none
     * @param resolved where it is installed from as the lockfile records it, or null
     * @param source registry, git, tarball, local or workspace
     * @param verdict allow, review or block; null when the run does not judge packages ({@code sbom}) or this one
     *     (a package from git or a directory)
     * @param findings the rule ids of the findings (after the policy) behind the verdict
     * @param ignored the rule ids the policy's ignores accepted, each with the ignore's reason
     */
    @JsonPropertyOrder({"name", "version", "integrity", "resolved", "source", "verdict", "findings", "ignored"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Checked(String name, String version, String integrity, String resolved, String source,
                          String verdict, List<String> findings, List<String> ignored) {
        public Checked {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            findings = findings == null ? null : List.copyOf(findings);
            ignored = ignored == null ? null : List.copyOf(ignored);
        }
    }

    /**
     * One run.
     *
     * @param command {@code scan}, {@code sbom}, {@code verify}
     * @param outcome {@code passed} or {@code failed} for a gate, {@code written} for a document
     */
    @JsonPropertyOrder({"format", "command", "tool", "time", "project", "lockfile", "policy", "policySha256",
            "outcome", "packages"})
    public record Line(int format, String command, String tool, String time, String project, String lockfile,
                       String policy, String policySha256, String outcome, List<Checked> packages) {
        public Line {
            packages = List.copyOf(packages);
        }
    }

    /** Appends {@code line} to the record file (made when missing), as one line, under a lock. */
    public void append(Line line) throws IOException {
        byte[] bytes = (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    /** The line of a run over {@code project}, its packages described by {@code checked}. */
    public Line line(Portcullis portcullis, String command, LoadedProject project, String outcome,
                     Function<PackageNode, Checked> checked) throws IOException {
        List<Checked> packages = new ArrayList<>();
        Lockfile lockfile = project.lockfile();
        if (lockfile != null) {
            Map<String, PackageNode> once = new LinkedHashMap<>();
            lockfile.graph().packages().forEach(n -> once.putIfAbsent(n.id() + " " + n.integrity(), n));
            once.values().forEach(n -> packages.add(checked.apply(n)));
            packages.sort(java.util.Comparator.comparing(Checked::name).thenComparing(Checked::version));
        }
        String policy = portcullis.policy().file();
        return new Line(FORMAT, command, Versions.tool(), portcullis.clock().instant().toString(),
                project.root().toString(), lockfile == null ? null : lockfile.file(), policy == null
                ? "(built-in defaults)" : policy, policy == null ? null : sha256(project.root().resolve(policy)),
                outcome, packages);
    }

    /** A locked package without a verdict ({@code sbom}). */
    public static Checked inventory(PackageNode node) {
        return new Checked(node.name(), node.version(), node.integrity(), node.resolved(), source(node), null, null,
                null);
    }

    /** A locked package with its verdict and the findings and ignores behind it. */
    static Checked judged(PackageNode node, PackageJudge.Judgement judgement) {
        if (judgement == null) {
            return inventory(node);
        }
        PolicyResult decided = judgement.decided();
        return new Checked(node.name(), node.version(), node.integrity(), node.resolved(), source(node),
                judgement.verdict().id(), decided.findings().stream().map(Finding::rule).map(r -> r.id()).toList(),
                decided.ignored().stream().map(i -> i.finding().rule().id() + " (" + i.ignore().reason() + ")")
                        .toList());
    }

    private static String source(PackageNode node) {
        return switch (node.source()) {
            case Source.Registry r -> "registry";
            case Source.Git g -> "git";
            case Source.RemoteTarball t -> "tarball";
            case Source.Local l -> "local";
            case Source.Workspace w -> "workspace";
        };
    }

    private static String sha256(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
