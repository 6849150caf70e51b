package dev.portcullis.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Command names of well-known packages ({@code tsc} is typescript's), for lockfiles that do not record bins.
 * The data is the resource {@code known-bins.tsv}, which states its source.
 *
 * @param packagesByBin for each command name, the packages that provide it
 */
record KnownBins(Map<String, List<String>> packagesByBin) {
    private static final String RESOURCE = "known-bins.tsv";

    KnownBins {
        packagesByBin = packagesByBin.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** The bundled table; a missing or broken resource is a build defect, not an input problem. */
    static KnownBins bundled() {
        try (InputStream in = Objects.requireNonNull(KnownBins.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
        }
    }

    /** Lines of {@code bin<TAB>package}; {@code #} starts a comment line. */
    static KnownBins parse(String tsv) {
        Map<String, List<String>> byBin = new HashMap<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.strip().split("\t");
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalArgumentException("known bins: expected bin<TAB>package, got '" + line + "'");
            }
            byBin.computeIfAbsent(fields[0], k -> new java.util.ArrayList<>()).add(fields[1]);
        }
        return new KnownBins(byBin);
    }

    List<String> packages(String bin) {
        return packagesByBin.getOrDefault(bin, List.of());
    }
}
