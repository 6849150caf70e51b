package dev.portcullis.lockfile;

import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Importer;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A read lockfile as sorted text lines, so a test compares a whole graph with one readable expected value:
 * one line per importer, per package (key, name@version, source, and the optional parts when present) and per edge.
 */
final class YarnGraphText {
    private YarnGraphText() {
    }

    static String render(Lockfile lockfile) {
        List<String> lines = new ArrayList<>();
        for (Importer importer : lockfile.graph().importers()) {
            lines.add("importer " + importer.path() + " name=" + importer.name() + " declared="
                    + (importer.declared() == null ? "null" : importer.declared().stream()
                    .map(YarnGraphText::declared).collect(Collectors.joining(",", "[", "]"))));
        }
        for (PackageNode node : lockfile.graph().packages()) {
            StringBuilder line = new StringBuilder("package ").append(node.key()).append(" = ").append(node.id());
            if (node.alias() != null) {
                line.append(" alias=").append(node.alias());
            }
            line.append(' ').append(source(node.source()));
            if (!node.flags().isEmpty()) {
                line.append(" flags=").append(node.flags().stream().map(Enum::name).sorted().toList());
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
            line.append(" line=").append(node.location().line());
            lines.add(line.toString());
        }
        for (Edge edge : lockfile.graph().edges()) {
            lines.add("edge " + edge.from() + " -> " + edge.to() + " (" + edge.name() + " " + edge.spec() + " " + edge.type() + ")");
        }
        return lines.stream().sorted().collect(Collectors.joining("\n", "", "\n"));
    }

    private static String declared(DeclaredDependency dep) {
        return dep.name() + "@" + dep.spec() + ":" + dep.type() + ":" + dep.location().line();
    }

    private static String source(Source source) {
        return switch (source) {
            case Source.Registry r -> "registry(" + (r.tarballUrl() == null ? "default" : r.tarballUrl()) + ")";
            case Source.Git g -> "git(" + g.url() + " " + g.committish() + ")";
            case Source.RemoteTarball t -> "tarball(" + t.url() + ")";
            case Source.Local l -> (l.link() ? "link(" : "file(") + l.path() + ")";
            case Source.Workspace w -> "workspace(" + w.path() + ")";
        };
    }
}
