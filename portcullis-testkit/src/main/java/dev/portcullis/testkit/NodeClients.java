package dev.portcullis.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The package managers pinned by {@code portcullis-testkit/node-clients/package-lock.json} (npm, pnpm, yarn 1,
 * yarn 4, bun), installed on first use like {@link NodeTools}; .ci/run installs them before the tests. Each is
 * the command line that runs it.
 */
public final class NodeClients {
    private NodeClients() {
    }

    /** One package manager. */
    public enum Client {
        NPM("npm/bin/npm-cli.js"), PNPM("pnpm/bin/pnpm.cjs"), YARN_CLASSIC("yarn/bin/yarn.js"),
        YARN_BERRY("@yarnpkg/cli-dist/bin/yarn.js"), BUN("@oven/bun-linux-x64/bin/bun");

        private final String entry;

        Client(String entry) {
            this.entry = entry;
        }

        /** The command that runs this client, or empty when it is not installed here (bun off linux-x64). */
        public Optional<List<String>> command() {
            Path file = NodeTools.installed("node-clients").resolve("node_modules").resolve(entry);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(this == BUN ? List.of(file.toString()) : List.of("node", file.toString()));
        }
    }
}
