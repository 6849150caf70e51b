package dev.portcullis.lockfile;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes large lockfiles shaped like the real ones (scoped names, integrity strings, engines, a chain of
 * dependencies, peer-suffixed and nested instances), streamed to a writer so the writer's side needs no
 * memory either.
 */
final class SyntheticLockfiles {
    private static final String INTEGRITY = "sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==";
    private static final int DIRECT = 50;

    private SyntheticLockfiles() {
    }

    static String name(int i) {
        return i % 5 == 0 ? "@scope" + (i % 7) + "/pkg-" + i : "pkg-" + i;
    }

    static String version(int i) {
        return "1." + (i % 10) + ".0";
    }

    /** pnpm-lock.yaml 9.0 with {@code n} packages; every 20th is depended on with a peer, as its own snapshot. */
    static void pnpmV9(Writer out, int n) throws IOException {
        out.write("lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\n");
        out.write("importers:\n\n  .:\n    dependencies:\n");
        for (int i = 0; i < Math.min(DIRECT, n); i++) {
            out.write("      '" + name(i) + "':\n        specifier: ^" + version(i) + "\n        version: " + pnpmRef(i, n) + "\n");
        }
        out.write("\npackages:\n\n");
        for (int i = 0; i < n; i++) {
            out.write("  '" + name(i) + "@" + version(i) + "':\n");
            out.write("    resolution: {integrity: " + INTEGRITY + "}\n");
            out.write("    engines: {node: '>=14'}\n");
            if (peered(i, n)) {
                out.write("    peerDependencies:\n      '" + name(i + 1) + "': '*'\n");
            }
            out.write("\n");
        }
        out.write("snapshots:\n\n");
        for (int i = 0; i < n; i++) {
            out.write("  '" + name(i) + "@" + pnpmRef(i, n) + "':");
            if (i + 1 < n) {
                out.write("\n    dependencies:\n");
                for (int d = i + 1; d <= Math.min(i + 3, n - 1); d++) {
                    out.write("      '" + name(d) + "': " + pnpmRef(d, n) + "\n");
                }
            } else {
                out.write(" {}\n");
            }
            out.write("\n");
        }
    }

    private static boolean peered(int i, int n) {
        return i % 20 == 0 && i + 1 < n;
    }

    private static String pnpmRef(int i, int n) {
        return peered(i, n) ? version(i) + "(" + name(i + 1) + "@" + version(i + 1) + ")" : version(i);
    }

    /** bun.lock with {@code n} packages; every 10th is a nested copy ({@code parent/child}) only its parent sees. */
    static void bun(Writer out, int n) throws IOException {
        out.write("{\n  \"lockfileVersion\": 1,\n  \"workspaces\": {\n    \"\": {\n      \"name\": \"synthetic\",\n");
        out.write("      \"dependencies\": {\n");
        for (int i = 0; i < Math.min(DIRECT, n); i++) {
            out.write("        \"" + name(i) + "\": \"^" + version(i) + "\",\n");
        }
        out.write("      },\n    },\n  },\n  \"packages\": {\n");
        for (int i = 0; i < n; i++) {
            out.write("    \"" + bunKey(i) + "\": [\"" + name(i) + "@" + version(i) + "\", \"\", { \"dependencies\": { ");
            for (int d = i + 1; d <= Math.min(i + 3, n - 1); d++) {
                out.write("\"" + name(d) + "\": \"^" + version(d) + "\", ");
            }
            out.write("} }, \"" + INTEGRITY + "\"],\n\n");
        }
        out.write("  }\n}\n");
    }

    private static String bunKey(int i) {
        return i % 10 == 9 ? name(i - 1) + "/" + name(i) : name(i);
    }
}
