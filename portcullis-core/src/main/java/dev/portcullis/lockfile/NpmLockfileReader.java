package dev.portcullis.lockfile;

import dev.portcullis.lockfile.npm.NpmLockfiles;
import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Importer;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.PackageNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * npm's package-lock.json (lockfile versions 1, 2 and 3) and npm-shrinkwrap.json, the same format under
 * another name; the file name decides which of the two formats the result reports.
 */
public final class NpmLockfileReader implements LockfileReader {

    @Override
    public boolean canRead(String fileName, String head) {
        return fileName.equals(LockfileFormat.NPM.fileName()) || fileName.equals(LockfileFormat.NPM_SHRINKWRAP.fileName());
    }

    @Override
    public Lockfile read(String file, InputStream in) throws InputException, IOException {
        NpmLockfiles.Read read = NpmLockfiles.read(file, in);
        String name = file.substring(file.lastIndexOf('/') + 1);
        LockfileFormat format = name.equals(LockfileFormat.NPM_SHRINKWRAP.fileName())
                ? LockfileFormat.NPM_SHRINKWRAP : LockfileFormat.NPM;
        return new Lockfile(file, format, Integer.toString(read.lockfileVersion()), read.graph());
    }

    /**
     * As {@link #read(String, InputStream)}; a version 1 lockfile records no root entry, so the project's direct
     * dependencies come from package.json: a direct dependency that another package also requires (and that the
     * lockfile alone would not tell from a transitive one) is connected to the root with the spec package.json
     * declares.
     */
    @Override
    public Lockfile read(String file, InputStream in, Manifest rootManifest, Map<String, Manifest> workspaceManifests)
            throws InputException, IOException {
        Lockfile lockfile = read(file, in);
        if (!lockfile.formatVersion().equals("1") || rootManifest == null) {
            return lockfile;
        }
        return new Lockfile(lockfile.file(), lockfile.format(), lockfile.formatVersion(),
                withDeclaredRootEdges(lockfile.graph(), rootManifest));
    }

    private static DependencyGraph withDeclaredRootEdges(DependencyGraph graph, Manifest manifest) {
        Set<String> direct = new HashSet<>();
        for (Edge edge : graph.directEdges(Importer.ROOT)) {
            direct.add(edge.name());
        }
        Map<String, PackageNode> nodes = graph.packagesByKey();
        List<Edge> added = new ArrayList<>();
        for (DeclaredDependency declared : manifest.dependencies()) {
            String key = "node_modules/" + declared.name();
            if (declared.type() != DependencyType.PEER && !direct.contains(declared.name()) && nodes.containsKey(key)) {
                added.add(new Edge(Importer.ROOT, key, declared.name(), declared.spec(), declared.type()));
                direct.add(declared.name());
            }
        }
        if (added.isEmpty()) {
            return graph;
        }
        added.addAll(graph.edges());
        return new DependencyGraph(graph.importers(), graph.packages(), added);
    }
}
