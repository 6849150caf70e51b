package dev.portcullis.js;

import java.util.Locale;

/**
 * The vocabulary of facts: what a file, a command or a manifest can do or shows. Content rules
 * ({@code resources/rules/*.yaml}) name facts by {@link #id()}; a capability alone is information, a risk forms when
 * rules combine capabilities with threat signals.
 */
public enum FactKind {
    // ---- modules
    /** {@code require('x')}, {@code import … from 'x'}, {@code import('x')} with a constant specifier; detail: the specifier. */
    REQUIRE,
    /** {@code require(expr)} or {@code import(expr)} with a computed specifier; detail: the expression as written. */
    DYNAMIC_REQUIRE,
    /** {@code import('data:…')} or an import of a {@code data:}/{@code blob:}/{@code http(s):} URL; detail: the URL scheme. */
    REMOTE_IMPORT,

    // ---- capabilities
    /** child_process exec/execSync/spawn/spawnSync/fork/execFile/execFileSync, Bun.spawn, Deno.Command; detail: the call. */
    CHILD_PROCESS,
    /** http(s).request/get, net.connect/createConnection, dgram, dns, fetch, WebSocket, XMLHttpRequest; detail: the API. */
    NETWORK,
    /** eval, Function, vm.runIn*Context, vm.Script, string setTimeout/setInterval; detail: the construct. */
    EVAL,
    /** The whole environment serialised or enumerated (JSON.stringify(process.env), Object.entries(process.env), spread); detail: how. */
    ENV_BULK,
    /** One environment variable read; detail: the key, or {@code *} when computed. */
    ENV_READ,
    /** fs writes (writeFile*, appendFile*, createWriteStream, copyFile); detail: the call. */
    FS_WRITE,
    /**
     * A child-process option that hides the child or detaches it from the parent ({@code windowsHide: true},
     * {@code detached: true}); detail: the option.
     */
    HIDDEN_PROCESS,
    /** A stream piped into a child process's input ({@code socket.pipe(sh.stdin)}); detail: the target. */
    STDIN_PIPE,
    /** Destructive fs operations (rm/rmSync recursive, rmdir, unlink, rimraf, {@code rm -rf}); detail: the call. */
    FS_DESTRUCTIVE,

    // ---- threat signals
    /** A string naming a credential or secret location; detail: the category (npmrc, ssh, aws, env-file, browser-profile, wallet, shell-rc, git-credentials, cloud-config, kube, docker; and for secret-hunting commands: secret-scanner for trufflehog/gitleaks, github-token for {@code gh auth token}). */
    SENSITIVE_PATH,
    /** A check of locale, time zone, language or geography (Intl…resolvedOptions().timeZone, os.locale, LANG, geo-IP services); detail: what. */
    LOCALE_CHECK,
    /** A comparison against the current date or time (Date.now() > constant, getFullYear() === …); detail: the expression. */
    TIME_GATE,
    /**
     * A loop that cannot end, run at the module's top level and so on the require path: {@code for (…; i < Infinity;
     * …)}, {@code for (;;)}, {@code while (true)}, {@code do … while (true)} at brace depth 0 with no {@code break},
     * {@code return}, {@code throw} or {@code process.exit} in its body (the colors 1.4.44-liberty-2 sabotage);
     * detail: the loop header.
     */
    ENDLESS_LOOP,
    /** An encoded string (base64, hex, char codes, escapes) that decodes to text worth analysing; detail: the encoding; evidence: the decoded text. */
    ENCODED_PAYLOAD,
    /** Obfuscation signals; detail: string-array, hex-identifiers, high-entropy, long-line, packer, whitespace-gap (code after hundreds of blanks on its line). */
    OBFUSCATION,
    /** Invisible or bidirectional Unicode in code (Trojan Source, zero-width, tag characters); detail: the code point. */
    INVISIBLE_UNICODE,
    /** A literal (decoded string, regex literal source or command word) matched one of the string patterns the rule set asked for; detail: the pattern's name. */
    STRING_MATCH,
    /** Broken or hostile source the lexer could only partly read; detail: what went wrong. The other facts are partial. */
    UNPARSABLE,

    // ---- commands (package.json scripts, .sh/.bat/.cmd/.ps1 files, node -e code)
    /** A download piped into a shell or interpreter ({@code curl … | sh}, {@code iwr … | iex}); detail: the interpreter. */
    PIPE_TO_SHELL,
    /** A download by curl, wget, Invoke-WebRequest, certutil, bitsadmin; detail: the URL when constant. */
    DOWNLOAD,
    /** Inline code run by an interpreter ({@code node -e}, {@code python -c}); the code itself is analysed too; detail: the interpreter. */
    INLINE_CODE,
    /** Installs another runtime at install time (bun, deno, …); detail: the runtime. */
    RUNTIME_INSTALL,
    /** Runs a file of the package ({@code node install.js}, {@code sh setup.sh}); detail: the path relative to the package root. */
    RUNS_FILE,
    /** {@code npm publish} or a call that publishes a package (self-propagation); detail: how. */
    NPM_PUBLISH,

    // ---- files and manifest
    /** An executable binary (ELF, PE, Mach-O) in the package; detail: the format. */
    BINARY,
    /** A tarball problem (traversal, link, device, bomb …); detail: the {@code TarballProblem.Kind} in kebab case. */
    TARBALL_PROBLEM,
    /** A lifecycle script in package.json; detail: the script name (preinstall, install, postinstall, prepare …). */
    LIFECYCLE_SCRIPT,
    /** A dependency given as a URL, git repository or file rather than a registry range; detail: the dependency name. */
    REMOTE_DEPENDENCY,
    /** A {@code bin} entry named like a common system command (node, npm, git, sh, curl …); detail: the command. */
    BIN_SHADOW;

    /** The spelling rules use: {@code CHILD_PROCESS} → {@code child-process}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind whose {@link #id()} is {@code id}, or null. */
    public static FactKind byId(String id) {
        for (FactKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        return null;
    }
}
