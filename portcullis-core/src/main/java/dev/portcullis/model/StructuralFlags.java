package dev.portcullis.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Flags derived from the shape of the graph, for formats that do not record them per package
 * (pnpm 9 has no {@code dev:}, bun.lock has neither dev nor optional): a package is dev-only when every
 * path to it from an importer starts with a devDependency, optional-only when every path passes an
 * optional dependency. Packages no importer reaches get neither flag.
 */
public final class StructuralFlags {
    private StructuralFlags() {
    }

    /** Keys reachable from the importers, but only through a devDependency of an importer. */
    public static Set<String> devOnly(Collection<String> importers, List<Edge> edges) {
        Map<String, List<Edge>> byFrom = byFrom(edges);
        Set<String> all = reach(importers, byFrom, e -> true, e -> true);
        Set<String> prod = reach(importers, byFrom, e -> e.type() != DependencyType.DEV, e -> true);
        all.removeAll(prod);
        return all;
    }

    /** Keys reachable from the importers, but only through some optional dependency on the way. */
    public static Set<String> optionalOnly(Collection<String> importers, List<Edge> edges) {
        Map<String, List<Edge>> byFrom = byFrom(edges);
        Set<String> all = reach(importers, byFrom, e -> true, e -> true);
        Set<String> required = reach(importers, byFrom, e -> e.type() != DependencyType.OPTIONAL,
                e -> e.type() != DependencyType.OPTIONAL);
        all.removeAll(required);
        return all;
    }

    private static Map<String, List<Edge>> byFrom(List<Edge> edges) {
        Map<String, List<Edge>> byFrom = new HashMap<>();
        for (Edge edge : edges) {
            byFrom.computeIfAbsent(edge.from(), k -> new ArrayList<>(4)).add(edge);
        }
        return byFrom;
    }

    private static Set<String> reach(Collection<String> importers, Map<String, List<Edge>> byFrom,
                                     Predicate<Edge> fromImporter, Predicate<Edge> between) {
        Set<String> roots = new HashSet<>(importers);
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String importer : importers) {
            for (Edge edge : byFrom.getOrDefault(importer, List.of())) {
                // an edge to another workspace is that workspace's business: its own edges are roots already
                if (fromImporter.test(edge) && !roots.contains(edge.to()) && seen.add(edge.to())) {
                    queue.add(edge.to());
                }
            }
        }
        while (!queue.isEmpty()) {
            for (Edge edge : byFrom.getOrDefault(queue.poll(), List.of())) {
                if (between.test(edge) && !roots.contains(edge.to()) && seen.add(edge.to())) {
                    queue.add(edge.to());
                }
            }
        }
        return seen;
    }
}
