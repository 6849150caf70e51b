package dev.portcullis.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Derived facts about a {@link DependencyGraph}: each package's shortest path from a root, its depth, the direct
 * dependencies that pull it in, and whether it is needed only for development or only optionally.
 * Depths, paths and flags are computed once in O(edges) with integer-indexed arrays, which keeps 100,000-package
 * graphs fast; the direct dependencies behind a package are computed on request.
 */
public final class GraphPaths {
    private final DependencyGraph graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final String[] keys;
    private final int[][] out;
    private final Edge[][] outEdges;
    private final int[] parent;
    private final int[] depth;
    private final boolean[] prod;
    private final boolean[] required;
    private int[][] in;

    private GraphPaths(DependencyGraph graph) {
        this.graph = graph;
        int n = graph.importers().size() + graph.packages().size();
        keys = new String[n];
        int i = 0;
        for (Importer importer : graph.importers()) {
            keys[i] = importer.path();
            index.put(importer.path(), i++);
        }
        for (PackageNode node : graph.packages()) {
            keys[i] = node.key();
            index.put(node.key(), i++);
        }
        List<List<Edge>> adjacency = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            adjacency.add(new ArrayList<>(2));
        }
        for (Edge edge : graph.edges()) {
            adjacency.get(index.get(edge.from())).add(edge);
        }
        out = new int[n][];
        outEdges = new Edge[n][];
        for (int k = 0; k < n; k++) {
            List<Edge> list = adjacency.get(k);
            outEdges[k] = list.toArray(new Edge[0]);
            out[k] = new int[list.size()];
            for (int e = 0; e < list.size(); e++) {
                out[k][e] = index.get(list.get(e).to());
            }
        }
        parent = new int[n];
        depth = new int[n];
        Arrays.fill(parent, -2);
        Arrays.fill(depth, -1);
        bfsShortest();
        prod = reach(edge -> edge.type() != DependencyType.DEV || !isImporterKey(edge.from()));
        required = reach(edge -> edge.type() != DependencyType.OPTIONAL);
    }

    public static GraphPaths of(DependencyGraph graph) {
        return new GraphPaths(graph);
    }

    public DependencyGraph graph() {
        return graph;
    }

    private boolean isImporterKey(String key) {
        return index.get(key) < graph.importers().size();
    }

    private void bfsShortest() {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r = 0; r < graph.importers().size(); r++) {
            parent[r] = -1;
            depth[r] = 0;
            queue.add(r);
        }
        while (!queue.isEmpty()) {
            int k = queue.poll();
            for (int t : out[k]) {
                if (depth[t] < 0) {
                    depth[t] = depth[k] + 1;
                    parent[t] = k;
                    queue.add(t);
                }
            }
        }
    }

    private boolean[] reach(java.util.function.Predicate<Edge> follow) {
        boolean[] seen = new boolean[keys.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r = 0; r < graph.importers().size(); r++) {
            seen[r] = true;
            queue.add(r);
        }
        while (!queue.isEmpty()) {
            int k = queue.poll();
            for (int e = 0; e < out[k].length; e++) {
                int t = out[k][e];
                if (!seen[t] && follow.test(outEdges[k][e])) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return seen;
    }

    /** Predecessor lists, built once on first use. */
    private int[][] incoming() {
        if (in == null) {
            int[] counts = new int[keys.length];
            for (int[] targets : out) {
                for (int t : targets) {
                    counts[t]++;
                }
            }
            int[][] preds = new int[keys.length][];
            for (int k = 0; k < keys.length; k++) {
                preds[k] = new int[counts[k]];
            }
            int[] fill = new int[keys.length];
            for (int k = 0; k < keys.length; k++) {
                for (int t : out[k]) {
                    preds[t][fill[t]++] = k;
                }
            }
            in = preds;
        }
        return in;
    }

    private int indexOf(String key) {
        Integer k = index.get(key);
        if (k == null) {
            throw new IllegalArgumentException("unknown key " + key);
        }
        return k;
    }

    /** True when no root reaches the package (an extraneous lockfile entry). */
    public boolean isReachable(String key) {
        return depth[indexOf(key)] >= 0;
    }

    /** Distance from the nearest root: 1 for a direct dependency, -1 when unreachable. */
    public int depth(String key) {
        return depth[indexOf(key)];
    }

    /** The keys on a shortest path from a root to the package, root first; empty when unreachable. */
    public List<String> path(String key) {
        int k = indexOf(key);
        if (depth[k] < 0) {
            return List.of();
        }
        List<String> path = new ArrayList<>();
        while (k >= 0) {
            path.add(keys[k]);
            k = parent[k];
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * Names of the roots' direct dependencies through which the package is reached, sorted. Computed per call by
     * walking predecessors back to the roots (O(graph)), so ask only for the packages a report names.
     */
    public List<String> directDependencies(String key) {
        int importers = graph.importers().size();
        int[][] preds = incoming();
        boolean[] seen = new boolean[keys.length];
        TreeSet<String> names = new TreeSet<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int start = indexOf(key);
        seen[start] = true;
        queue.add(start);
        while (!queue.isEmpty()) {
            int k = queue.poll();
            for (int p : preds[k]) {
                if (p < importers) {
                    for (int e = 0; e < out[p].length; e++) {
                        if (out[p][e] == k) {
                            names.add(outEdges[p][e].name());
                        }
                    }
                } else if (!seen[p]) {
                    seen[p] = true;
                    queue.add(p);
                }
            }
        }
        return List.copyOf(names);
    }

    /** True when only development dependencies of the roots lead to the package. */
    public boolean isDev(String key) {
        int k = indexOf(key);
        return depth[k] >= 0 && !prod[k];
    }

    /** True when only optional edges lead to the package. */
    public boolean isOptional(String key) {
        int k = indexOf(key);
        return depth[k] >= 0 && !required[k];
    }

    /** True when a root requires the package directly. */
    public boolean isDirect(String key) {
        return depth(key) == 1;
    }

    /** Longest shortest-path depth in the graph. */
    public int maxDepth() {
        int max = 0;
        for (int k = graph.importers().size(); k < keys.length; k++) {
            max = Math.max(max, depth[k]);
        }
        return max;
    }
}
