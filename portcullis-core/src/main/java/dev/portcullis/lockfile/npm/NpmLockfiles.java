package dev.portcullis.lockfile.npm;

import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** Reads package-lock.json and npm-shrinkwrap.json, lockfile versions 1, 2 and 3, into a graph. */
public final class NpmLockfiles {
    private NpmLockfiles() {
    }

    /** A package-lock's declared version and its graph. */
    public record Read(int lockfileVersion, DependencyGraph graph) {
        public Read {
            Objects.requireNonNull(graph, "graph");
        }
    }

    public static Read read(String file, InputStream in) throws InputException, IOException {
        NpmDocument document = NpmLockfileParser.parse(file, in);
        return new Read(document.lockfileVersion(), NpmGraphBuilder.build(file, document));
    }
}
