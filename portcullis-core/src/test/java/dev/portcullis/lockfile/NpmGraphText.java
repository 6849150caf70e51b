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
 * A lockfile's whole graph as text, one line per importer, package and edge, in graph order, so a scenario's
 * expected value is a readable file. Lines ({@code :12}) can be left out to compare two lockfile versions of one
 * scenario, whose entries sit at different lines.
 */
final class NpmGraphText {
    private NpmGraphText() {
    }

    static String render(Lockfile lockfile, boolean withLines) {
        List<String> lines = new ArrayList<>();
        lines.add("format " + lockfile.format() + " " + lockfile.formatVersion());
        for (Importer importer : lockfile.graph().importers()) {
            String declared = importer.declared() == null ? "null" : importer.declared().stream()
                    .map(d -> declared(d, withLines)).collect(Collectors.joining(", ", "[", "]"));
            lines.add("importer " + importer.path() + " name=" + importer.name() + " declared=" + declared);
        }
        for (PackageNode node : lockfile.graph().packages()) {
            lines.add("package " + node.key() + (withLines ? " :" + node.location().line() : "")
                    + " " + node.id() + (node.alias() != null ? " alias=" + node.alias() : "")
                    + " " + source(node.source(), node.resolved())
                    + " resolved=" + node.resolved()
                    + " integrity=" + node.integrity()
                    + " flags=" + node.flags().stream().map(Enum::name).sorted().toList()
                    + " scripts=" + node.installScripts()
                    + (node.os().isEmpty() ? "" : " os=" + node.os())
                    + (node.cpu().isEmpty() ? "" : " cpu=" + node.cpu())
                    + (node.bins().isEmpty() ? "" : " bins=" + node.bins()));
        }
        for (Edge edge : lockfile.graph().edges()) {
            lines.add("edge " + edge.from() + " -> " + edge.to() + " " + edge.name() + "@" + edge.spec() + " " + edge.type());
        }
        return String.join("\n", lines) + "\n";
    }

    private static String declared(DeclaredDependency d, boolean withLines) {
        return d.name() + "@" + d.spec() + " " + d.type() + (withLines ? " :" + d.location().line() : "");
    }

    private static String source(Source source, String resolved) {
        return switch (source) {
            case Source.Registry r -> "registry(" + (r.tarballUrl() == null ? "default"
                    : r.tarballUrl().equals(resolved) ? "=resolved" : r.tarballUrl()) + ")";
            case Source.Git g -> "git(" + g.url() + ", " + g.committish() + ")";
            case Source.RemoteTarball t -> "tarball(" + t.url() + ")";
            case Source.Local l -> "local(" + l.path() + (l.link() ? ", link" : "") + ")";
            case Source.Workspace w -> "workspace(" + w.path() + ")";
        };
    }
}
