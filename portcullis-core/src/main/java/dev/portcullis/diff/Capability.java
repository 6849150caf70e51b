package dev.portcullis.diff;

import dev.portcullis.js.FactKind;
import java.util.Locale;
import java.util.Optional;

/** What code in a package can do, as a reviewer asks it between two versions: the facts grouped into capabilities. */
public enum Capability {
    NETWORK, PROCESS, FILESYSTEM, ENVIRONMENT, DYNAMIC_CODE, NATIVE_BINARY;

    /** The spelling of reports: {@code DYNAMIC_CODE} → {@code dynamic-code}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The capability a fact shows, or empty for facts that are signals or structure rather than capabilities. */
    public static Optional<Capability> of(FactKind kind) {
        return Optional.ofNullable(switch (kind) {
            case NETWORK, DOWNLOAD -> NETWORK;
            case CHILD_PROCESS, PIPE_TO_SHELL, HIDDEN_PROCESS, STDIN_PIPE -> PROCESS;
            case FS_WRITE, FS_DESTRUCTIVE -> FILESYSTEM;
            case ENV_READ, ENV_BULK -> ENVIRONMENT;
            case EVAL, DYNAMIC_REQUIRE, REMOTE_IMPORT, INLINE_CODE -> DYNAMIC_CODE;
            case BINARY -> NATIVE_BINARY;
            case REQUIRE, SENSITIVE_PATH, LOCALE_CHECK, TIME_GATE, ENDLESS_LOOP, ENCODED_PAYLOAD, OBFUSCATION,
                 INVISIBLE_UNICODE, STRING_MATCH, UNPARSABLE, RUNTIME_INSTALL, RUNS_FILE, NPM_PUBLISH, TARBALL_PROBLEM,
                 LIFECYCLE_SCRIPT, REMOTE_DEPENDENCY, BIN_SHADOW -> null;
        });
    }
}
