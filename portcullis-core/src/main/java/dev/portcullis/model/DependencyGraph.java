package dev.portcullis.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every package instance of a lockfile and how the roots and packages require each other.
 * Keys of importers (their paths) and of packages share one namespace; every edge joins two existing keys.
 */
public record DependencyGraph(List<Importer> importers, List<PackageNode> packages, List<Edge> edges) {

    public DependencyGraph {
        importers = List.copyOf(importers);
        packages = List.copyOf(packages);
        edges = List.copyOf(edges);
        Map<String, Boolean> keys = new HashMap<>();
        for (Importer importer : importers) {
            if (keys.put(importer.path(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("duplicate importer " + importer.path());
            }
        }
        for (PackageNode node : packages) {
            if (keys.put(node.key(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("duplicate package key " + node.key());
            }
        }
        for (Edge edge : edges) {
            if (!keys.containsKey(edge.from()) || !keys.containsKey(edge.to())) {
                throw new IllegalArgumentException("edge joins unknown keys: " + edge);
            }
        }
    }

    /** The graph of a project without any dependency. */
    public static DependencyGraph empty() {
        return new DependencyGraph(List.of(new Importer(Importer.ROOT, null, List.of())), List.of(), List.of());
    }

    public Optional<Importer> root() {
        return importers.stream().filter(Importer::isRoot).findFirst();
    }

    /** Packages by key, in lockfile order. */
    public Map<String, PackageNode> packagesByKey() {
        Map<String, PackageNode> byKey = new LinkedHashMap<>();
        for (PackageNode node : packages) {
            byKey.put(node.key(), node);
        }
        return byKey;
    }

    /** Outgoing edges per key (importer or package), in lockfile order. */
    public Map<String, List<Edge>> edgesByFrom() {
        Map<String, List<Edge>> byFrom = new HashMap<>();
        for (Edge edge : edges) {
            byFrom.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
        }
        return byFrom;
    }

    /** The edges leaving one importer: its direct dependencies as resolved. */
    public List<Edge> directEdges(String importerPath) {
        Objects.requireNonNull(importerPath, "importerPath");
        return edges.stream().filter(e -> e.from().equals(importerPath)).toList();
    }
}
