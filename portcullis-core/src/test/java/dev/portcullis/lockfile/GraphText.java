package dev.portcullis.lockfile;

import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Importer;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A graph as sorted lines that do not depend on how a format spells its keys, so one expected table serves
 * every version of a format: packages by {@code name@version}, edges between those ids (importers by path).
 */
final class GraphText {
    private GraphText() {
    }

    static List<String> lines(DependencyGraph graph) {
        Map<String, PackageNode> byKey = graph.packagesByKey();
        TreeSet<String> lines = new TreeSet<>();
        for (Importer importer : graph.importers()) {
            lines.add("importer " + importer.path() + (importer.declared() == null ? " (declared unknown)"
                    : importer.declared().stream().map(d -> " " + d.name() + "=" + d.spec() + ":" + d.type())
                    .collect(Collectors.joining())));
        }
        for (PackageNode node : graph.packages()) {
            lines.add(node(node));
        }
        for (Edge edge : graph.edges()) {
            lines.add("edge " + id(byKey, edge.from()) + " -> " + id(byKey, edge.to()) + " as " + edge.name()
                    + " " + edge.type());
        }
        return new ArrayList<>(lines);
    }

    static String node(PackageNode node) {
        StringBuilder line = new StringBuilder("package ").append(node.id());
        if (node.alias() != null) {
            line.append(" alias ").append(node.alias());
        }
        line.append(' ').append(source(node.source()));
        if (!node.flags().isEmpty()) {
            line.append(' ').append(new TreeSet<>(node.flags()));
        }
        line.append(" scripts=").append(node.installScripts());
        if (!node.os().isEmpty()) {
            line.append(" os=").append(node.os());
        }
        if (!node.cpu().isEmpty()) {
            line.append(" cpu=").append(node.cpu());
        }
        if (!node.bins().isEmpty()) {
            line.append(" bins=").append(node.bins());
        }
        line.append(node.integrity() == null ? " no-integrity" : "");
        return line.toString();
    }

    private static String source(Source source) {
        return switch (source) {
            case Source.Registry r -> r.tarballUrl() == null ? "registry" : "registry(" + r.tarballUrl() + ")";
            case Source.Git g -> "git(" + g.url() + "#" + g.committish() + ")";
            case Source.RemoteTarball t -> "tarball(" + t.url() + ")";
            case Source.Local l -> (l.link() ? "link(" : "file(") + l.path() + ")";
            case Source.Workspace w -> "workspace(" + w.path() + ")";
        };
    }

    private static String id(Map<String, PackageNode> byKey, String key) {
        PackageNode node = byKey.get(key);
        return node == null ? "[" + key + "]" : node.id();
    }
}
