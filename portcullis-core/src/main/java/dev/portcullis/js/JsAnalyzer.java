package dev.portcullis.js;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pattern layer over the token stream of {@link JsLexer}: one forward pass that recognises requires and
 * imports, tracks what names refer to ({@code const cp = require('child_process')}, {@code const {exec} = …},
 * {@code import * as fs from 'fs'}, {@code var r = require}), folds constant strings ({@code 'child_' + 'process'},
 * {@code String.fromCharCode(…)}, {@code atob('…')}, {@code Buffer.from('…', 'hex')}) and turns calls and literals
 * into facts. Decoded payloads that read as text are analysed again by a nested analyser, bounded by depth and by
 * a decoded-bytes budget.
 *
 * <p>Every look ahead or behind is bounded ({@link JsLexer#MAX_LOOKAHEAD}, {@link JsLexer#MAX_LOOKBEHIND}), so the
 * pass is linear in the input whatever it contains.
 */
final class JsAnalyzer {
    private static final Set<String> CHILD_PROCESS = Set.of("exec", "execSync", "spawn", "spawnSync", "fork",
            "execFile", "execFileSync");
    private static final Set<String> FS_WRITE = Set.of("writeFile", "writeFileSync", "appendFile", "appendFileSync",
            "createWriteStream", "copyFile", "copyFileSync", "cp", "cpSync", "outputFile", "outputFileSync",
            "writeJson", "writeJsonSync", "outputJson", "outputJsonSync");
    private static final Set<String> FS_DESTRUCTIVE = Set.of("rm", "rmSync", "rmdir", "rmdirSync", "unlink",
            "unlinkSync", "remove", "removeSync", "emptyDir", "emptyDirSync");
    private static final Set<String> VM = Set.of("runInContext", "runInNewContext", "runInThisContext", "Script",
            "compileFunction", "SourceTextModule");
    private static final Set<String> NETWORK_MODULES = Set.of("axios", "node-fetch", "got", "undici", "request",
            "superagent", "cross-fetch", "isomorphic-fetch", "ws", "socket.io-client", "needle", "phin");
    private static final Set<String> GLOBALS = Set.of("window", "globalThis", "self", "global");
    private static final Set<String> LOCALE_ENV = Set.of("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_CTYPE", "TZ");
    private static final Set<String> COMPARISONS = Set.of("<", ">", "<=", ">=", "==", "===", "!=", "!==");
    private static final Set<String> FIXED_NAMES = Set.of("require", "import", "export", "process", "eval",
            "Function", "setTimeout", "setInterval", "fetch", "XMLHttpRequest", "WebSocket", "EventSource", "Bun",
            "Deno", "Date", "navigator", "String", "atob", "Buffer", "_compile", "resolvedOptions",
            "getTimezoneOffset", "push", "constructor", "windowsHide", "detached", "pipe", "window", "globalThis", "self", "global");
    /** Blanks between two tokens of one line that hide the second from view. */
    private static final int WHITESPACE_GAP = 400;
    /** Longest constant string folded; longer concatenations stop there. */
    private static final int MAX_FOLD_CHARS = 1 << 20;

    private final JsLexer lx;
    private final String src;
    private final FactSink sink;
    private final int depth;
    /** The line every fact gets inside a decoded payload; 0 in a file's own code. */
    private final int fixedLine;
    private final Map<String, String> modules = new HashMap<>();
    private final Map<String, String> members = new HashMap<>();
    private final Set<String> requireAliases = new HashSet<>();
    private final Map<String, String> constants = new HashMap<>();
    /** Names bound once to a date: {@code const LIMIT = 1767225600000}, {@code var DEADLINE = new Date('2026-03-01')}. */
    private final Set<String> dateConstants = new HashSet<>();
    /** Every name the pattern layer reacts to: the fixed ones and those bound while reading. */
    private final Names names = new Names(FIXED_NAMES);
    private int hexIdentifiers;
    private int firstHexIdentifierLine;
    /** Nesting of parenthesised and wrapped atoms being folded: bounded, as hostile input nests thousands deep. */
    private int foldNesting;
    private boolean localFetch;

    JsAnalyzer(JsLexer lexer, FactSink sink, int depth, int fixedLine) {
        this.lx = lexer;
        this.src = lexer.source();
        this.sink = sink;
        this.depth = depth;
        this.fixedLine = fixedLine;
    }

    /** Analyses the whole token stream. */
    void run() {
        int i = 0;
        byte t;
        while ((t = lx.type(i)) != JsLexer.NONE && !sink.full()) {
            if (i > 0 && lx.start(i) - lx.end(i - 1) >= WHITESPACE_GAP) {
                whitespaceGap(i);
            }
            switch (t) {
                case JsLexer.IDENT -> {
                    if (lx.braceDepth(i) == 0) {
                        endlessLoop(i);
                    }
                    i = identifier(i);
                }
                case JsLexer.STRING, JsLexer.TEMPLATE -> i = constantExpression(i);
                case JsLexer.TEMPLATE_PART -> {
                    Literals.Decoded d = Literals.decode(src, lx.start(i), lx.end(i));
                    value(d.value(), null, i);
                }
                case JsLexer.REGEX -> regexLiteral(i);
                case JsLexer.PUNCT -> {
                    if (lx.isPunct(i, '[') && lx.isPunct(i - 1, ']')) {
                        computedMember(i);
                    }
                }
                default -> {
                    // numbers carry no facts of their own
                }
            }
            i++;
        }
        if (hexIdentifiers >= 20) {
            sink.addOnce(FactKind.OBFUSCATION, firstHexIdentifierLine, "hex-identifiers",
                    hexIdentifiers + " identifiers named like _0x…", depth);
        }
    }

    /**
     * Code pushed past the right edge of any editor by a run of blanks on its line (the rand-user-agent RAT, 2025,
     * continued its last line after thousands of spaces): a formatter never writes that, nor does a minifier.
     */
    private void whitespaceGap(int i) {
        int from = lx.end(i - 1);
        int to = lx.start(i);
        for (int k = from; k < to; k++) {
            char c = src.charAt(k);
            if (c != ' ' && c != '\t') {
                return;
            }
        }
        sink.addOnce(FactKind.OBFUSCATION, line(i), "whitespace-gap", snippet(i), depth);
    }

    /**
     * A regex literal's source is checked against the rule set's patterns too: a clipper's wallet-address regexes
     * ({@code /\b0x[a-fA-F0-9]{40}\b/g}) are code, not strings.
     */
    private void regexLiteral(int i) {
        if (sink.options().patterns().isEmpty()) {
            return;
        }
        String regex = lx.text(i);
        for (StringPattern p : sink.options().matching(regex)) {
            sink.add(FactKind.STRING_MATCH, line(i), p.name(), regex, depth);
        }
    }

    private int line(int i) {
        return fixedLine > 0 ? fixedLine : lx.line(i);
    }

    private void fact(FactKind kind, int i, String detail) {
        if (!sink.has(kind, line(i), detail, depth)) {
            sink.add(kind, line(i), detail, snippet(i), depth);
        }
    }

    /** The source around token {@code i}, on its line, bounded. */
    private String snippet(int i) {
        int at = Math.min(lx.start(i), src.length());
        int max = sink.limits().maxEvidenceChars();
        int from = at;
        while (from > 0 && at - from < 40 && src.charAt(from - 1) != '\n') {
            from--;
        }
        int to = at;
        int limit = Math.min(src.length(), from + max);
        while (to < limit && src.charAt(to) != '\n') {
            to++;
        }
        return FactSink.bound(src.substring(from, to).strip(), max);
    }

    private boolean dotBefore(int i) {
        return lx.isPunct(i - 1, '.') || lx.isPunct(i - 1, "?.");
    }

    /** Whether token {@code i} is a property of a global object ({@code window.fetch}) or no property at all. */
    private boolean globalReference(int i) {
        if (!dotBefore(i)) {
            return true;
        }
        return lx.type(i - 2) == JsLexer.IDENT && GLOBALS.contains(lx.text(i - 2)) && !dotBefore(i - 2);
    }

    private int identifier(int i) {
        int start = lx.startOf(i);
        int end = lx.endOf(i);
        if (end - start > 3 && src.startsWith("_0x", start)) {
            if (hexIdentifiers++ == 0) {
                firstHexIdentifierLine = line(i);
            }
            stringArray(i);
        }
        String name = names.find(src, start, end, lx.identHash(i));
        if (name == null) {
            if (lx.isPunct(i + 1, '=') && !lx.isPunct(i + 2, '=') && !dotBefore(i)) {
                declaration(i, src.substring(start, end));
            }
            return i;
        }
        if (dotBefore(i)) {
            property(i, name);
            return i;
        }
        switch (name) {
            case "require" -> {
                return lx.isIdent(i - 1, "function") ? i : require(i);
            }
            case "import" -> {
                return importStatement(i);
            }
            case "export" -> {
                return exportFrom(i);
            }
            case "process" -> processReference(i);
            case "eval" -> {
                if (lx.isPunct(i + 1, '(') || lx.isPunct(i + 1, ')')) {
                    fact(FactKind.EVAL, i, "eval");
                    packer(i);
                    evaluatedArgument(i + 1);
                }
            }
            case "Function" -> {
                if (lx.isPunct(i + 1, '(')) {
                    fact(FactKind.EVAL, i, "Function");
                    evaluatedArgument(i + 1);
                }
            }
            case "setTimeout", "setInterval" -> {
                byte arg = lx.type(i + 2);
                if (lx.isPunct(i + 1, '(') && (arg == JsLexer.STRING || arg == JsLexer.TEMPLATE)) {
                    fact(FactKind.EVAL, i, name + "-string");
                    evaluatedArgument(i + 1);
                }
            }
            case "fetch" -> {
                if (lx.isIdent(i - 1, "function")) {
                    // a function of the file's own named fetch (esbuild's install.js): calls to it are not the global
                    localFetch = true;
                } else if (lx.isPunct(i + 1, '(') && !localFetch) {
                    fact(FactKind.NETWORK, i, "fetch");
                }
            }
            case "XMLHttpRequest", "WebSocket", "EventSource" -> fact(FactKind.NETWORK, i, name);
            case "Bun" -> runtimeSpawn(i, "Bun", Set.of("spawn", "spawnSync", "$"));
            case "Deno" -> runtimeSpawn(i, "Deno", Set.of("Command", "run"));
            case "Date" -> timeGate(i);
            case "navigator" -> navigator(i);
            case "String", "atob", "Buffer" -> {
                return constantExpression(i);
            }
            case "windowsHide", "detached" -> hiddenOption(i, name);
            case "window", "globalThis", "self", "global" -> {
                return globalCall(i);
            }
            default -> reference(i, name);
        }
        return i;
    }

    /** A name that may stand for a module, a module's member, {@code require} or a constant. */
    private void reference(int i, String name) {
        if (lx.isPunct(i + 1, '=') && !lx.isPunct(i + 2, '=')) {
            declaration(i, name);
        }
        String module = modules.get(name);
        if (module != null) {
            moduleMember(i, module);
            return;
        }
        String member = members.get(name);
        if (member != null && lx.isPunct(i + 1, '(')) {
            int dot = member.lastIndexOf('.');
            capability(i, member.substring(0, dot), member.substring(dot + 1), i + 1);
            return;
        }
        if (requireAliases.contains(name) && lx.isPunct(i + 1, '(')) {
            require(i);
        }
    }

    private void bindModule(String name, String module) {
        modules.put(name, module);
        names.add(name);
    }

    private void bindMember(String name, String member) {
        members.put(name, member);
        names.add(name);
    }

    /**
     * {@code name = require}, {@code name = 'constant'}; any other assignment ends what the name stood for, since
     * minified bundles reuse one-letter names for everything ({@code a = require('child_process')} in one module,
     * {@code a = /x/} in the next). A require assigned here binds the name again when the require is read.
     */
    private void declaration(int i, String name) {
        modules.remove(name);
        members.remove(name);
        constants.remove(name);
        requireAliases.remove(name);
        dateConstants.remove(name);
        if (dateConstant(i, name)) {
            dateConstants.add(name);
            return;
        }
        if (lx.isIdent(i + 2, "require") && !lx.isPunct(i + 3, '(')) {
            requireAliases.add(name);
            names.add(name);
            return;
        }
        byte t = lx.type(i + 2);
        boolean known = t == JsLexer.IDENT && names.find(src, lx.start(i + 2), lx.end(i + 2), lx.identHash(i + 2)) != null;
        if (t == JsLexer.STRING || t == JsLexer.TEMPLATE || known || lx.isPunct(i + 2, '[')) {
            Folded f = fold(i + 2);
            if (f != null && endsStatement(f.end + 1)) {
                constants.put(name, f.value);
                names.add(name);
                if (lx.isPunct(i + 2, '[')) {
                    // the joined name is screened like a literal: its parts alone name nothing
                    value(f.value, null, i + 2);
                }
            }
        }
    }

    private boolean endsStatement(int i) {
        byte t = lx.type(i);
        return t == JsLexer.NONE || lx.isPunct(i, ';') || lx.isPunct(i, ',') || lx.isPunct(i, '}')
                || lx.line(i) > lx.line(i - 1);
    }

    private void property(int i, String name) {
        switch (name) {
            case "_compile" -> {
                if (lx.isPunct(i + 1, '(')) {
                    fact(FactKind.EVAL, i, "module._compile");
                }
            }
            case "fetch" -> {
                if (globalReference(i) && (lx.isPunct(i + 1, '(') || lx.isPunct(i + 1, '='))) {
                    fact(FactKind.NETWORK, i, "fetch");
                }
            }
            case "XMLHttpRequest", "WebSocket" -> {
                if (globalReference(i)) {
                    fact(FactKind.NETWORK, i, name);
                }
            }
            case "eval" -> {
                if (globalReference(i) && lx.isPunct(i + 1, '(')) {
                    fact(FactKind.EVAL, i, "eval");
                }
            }
            case "resolvedOptions" -> {
                String what = "Intl.resolvedOptions";
                for (int k = i + 1; k < i + 6; k++) {
                    if (lx.isIdent(k, "timeZone") || lx.isIdent(k, "locale")) {
                        what = lx.text(k);
                        break;
                    }
                }
                fact(FactKind.LOCALE_CHECK, i, what);
            }
            case "getTimezoneOffset" -> fact(FactKind.LOCALE_CHECK, i, "getTimezoneOffset");
            case "pipe" -> {
                // s.pipe(sh.stdin): a stream fed into a child process's input
                if (lx.isPunct(i + 1, '(') && lx.type(i + 2) == JsLexer.IDENT && lx.isPunct(i + 3, '.')
                        && lx.isIdent(i + 4, "stdin") && lx.isPunct(i + 5, ')')) {
                    fact(FactKind.STDIN_PIPE, i, lx.text(i + 2) + ".stdin");
                }
            }
            case "push" -> rotation(i);
            case "constructor" -> {
                if (lx.isPunct(i + 1, '.') && lx.isIdent(i + 2, "constructor") && lx.isPunct(i + 3, '(')) {
                    fact(FactKind.EVAL, i, "constructor.constructor");
                }
            }
            default -> {
                // other properties carry no facts
            }
        }
    }

    // ---- modules

    private static String normaliseModule(String spec) {
        String m = spec.startsWith("node:") ? spec.substring(5) : spec;
        return switch (m) {
            case "fs/promises", "graceful-fs", "fs-extra", "original-fs" -> "fs";
            case "timers/promises" -> "timers";
            case "dns/promises" -> "dns";
            case "child_process/promises" -> "child_process";
            default -> m;
        };
    }

    /** {@code require(…)} at {@code i} (the word require or an alias of it). Returns the index to go on after. */
    private int require(int i) {
        return require(i, i);
    }

    /**
     * The name a global property is given, {@code global['r']} or {@code globalThis.r} ending at token {@code end},
     * or null.
     */
    private String globalKey(int end) {
        if (lx.isPunct(end, ']') && lx.type(end - 1) == JsLexer.STRING && lx.isPunct(end - 2, '[')
                && lx.type(end - 3) == JsLexer.IDENT && GLOBALS.contains(lx.text(end - 3))) {
            return Literals.decode(src, lx.start(end - 1), lx.end(end - 1)).value();
        }
        if (lx.type(end) == JsLexer.IDENT && lx.isPunct(end - 1, '.') && lx.type(end - 2) == JsLexer.IDENT
                && GLOBALS.contains(lx.text(end - 2)) && !dotBefore(end - 2)) {
            return lx.text(end);
        }
        return null;
    }

    /**
     * {@code global['r'] = require} makes {@code r} and {@code global['r']} stand for require everywhere after
     * (the rand-user-agent RAT, 2025); {@code global['r']('child_process')} is then a require.
     */
    private int globalCall(int i) {
        int end;
        if (lx.isPunct(i + 1, '[') && lx.type(i + 2) == JsLexer.STRING && lx.isPunct(i + 3, ']')) {
            end = i + 3;
        } else if (lx.isPunct(i + 1, '.') && lx.type(i + 2) == JsLexer.IDENT) {
            end = i + 2;
        } else {
            return i;
        }
        String key = globalKey(end);
        if (key == null) {
            return i;
        }
        if (lx.isPunct(end + 1, '=') && lx.isIdent(end + 2, "require") && !lx.isPunct(end + 3, '(')) {
            requireAliases.add(key);
            names.add(key);
            return end + 2;
        }
        if (requireAliases.contains(key) && lx.isPunct(end + 1, '(')) {
            return require(end, i);
        }
        return i;
    }

    /** {@code require(…)} whose call starts after token {@code i}; a result is bound by what precedes {@code bindAt}. */
    private int require(int i, int bindAt) {
        if (!lx.isPunct(i + 1, '(')) {
            return i;
        }
        int close = closing(i + 1);
        if (close < 0 || close == i + 2) {
            return i;
        }
        Folded spec = fold(i + 2);
        if (spec == null || spec.end + 1 != close) {
            fact(FactKind.DYNAMIC_REQUIRE, i, expression(i + 2, close));
            return i + 1;
        }
        fact(FactKind.REQUIRE, i, spec.value);
        if (spec.encoding != null) {
            value(spec.value, spec.encoding, i + 2);
        }
        String module = normaliseModule(spec.value);
        moduleFacts(i, module);
        boolean memberAccess = lx.isPunct(close + 1, '.') && lx.type(close + 2) == JsLexer.IDENT;
        if (!memberAccess) {
            bind(bindAt, module);
        }
        if (memberAccess) {
            String member = lx.text(close + 2);
            if (lx.isPunct(close + 3, '(')) {
                capability(close + 2, module, member, close + 3);
            } else if (lx.isPunct(bindAt - 1, '=') && lx.type(bindAt - 2) == JsLexer.IDENT) {
                bindMember(lx.text(bindAt - 2), module + "." + member);
            }
            return close + 2;
        }
        if (lx.isPunct(close + 1, '(')) {
            capability(i, module, "", close + 1);
        }
        return close;
    }

    /** What a module is by itself: an HTTP client library is network access, os-locale a locale check. */
    private void moduleFacts(int i, String module) {
        if (NETWORK_MODULES.contains(module)) {
            fact(FactKind.NETWORK, i, module);
        } else if (module.equals("os-locale")) {
            fact(FactKind.LOCALE_CHECK, i, "os-locale");
        }
    }

    /** Records the names a require or import result is given: {@code x = require(…)}, {@code {a, b: c} = …}. */
    private void bind(int i, String module) {
        int eq = i - 1;
        // TypeScript's interop wrappers: const fs_1 = __importDefault(require("fs")), tslib.__importStar(…)
        if (lx.isPunct(eq, '(') && lx.type(eq - 1) == JsLexer.IDENT
                && (lx.isIdent(eq - 1, "__importDefault") || lx.isIdent(eq - 1, "__importStar"))) {
            eq = lx.isPunct(eq - 2, '.') ? eq - 4 : eq - 2;
        }
        if (!lx.isPunct(eq, '=')) {
            return;
        }
        if (lx.type(eq - 1) == JsLexer.IDENT) {
            bindModule(lx.text(eq - 1), module);
            return;
        }
        if (lx.isPunct(eq - 1, '}')) {
            int open = eq - 2;
            int stop = Math.max(0, eq - JsLexer.MAX_LOOKBEHIND);
            while (open > stop && !lx.isPunct(open, '{')) {
                open--;
            }
            if (!lx.isPunct(open, '{')) {
                return;
            }
            destructured(open, eq - 1, module);
        }
    }

    /** {@code {key, key: alias, key = default}} between tokens {@code open} and {@code close}. */
    private void destructured(int open, int close, String module) {
        int k = open + 1;
        while (k < close) {
            if (lx.type(k) == JsLexer.IDENT || lx.type(k) == JsLexer.STRING) {
                String key = lx.type(k) == JsLexer.STRING ? Literals.decode(src, lx.start(k), lx.end(k)).value() : lx.text(k);
                String alias = key;
                if (lx.isPunct(k + 1, ':') && lx.type(k + 2) == JsLexer.IDENT) {
                    alias = lx.text(k + 2);
                    k += 2;
                }
                bindMember(alias, module + "." + key);
            }
            while (k < close && !lx.isPunct(k, ',')) {
                k++;
            }
            k++;
        }
    }

    /** {@code import … from 'm'}, {@code import 'm'}, {@code import('m')}; not {@code import.meta}. */
    private int importStatement(int i) {
        if (dotBefore(i) || lx.isPunct(i + 1, '.')) {
            return i;
        }
        if (lx.isPunct(i + 1, '(')) {
            return dynamicImport(i);
        }
        int limit = i + JsLexer.MAX_LOOKAHEAD / 2;
        for (int k = i + 1; k < limit; k++) {
            byte t = lx.type(k);
            if (t == JsLexer.STRING) {
                if (k == i + 1 || lx.isIdent(k - 1, "from")) {
                    String spec = Literals.decode(src, lx.start(k), lx.end(k)).value();
                    fact(FactKind.REQUIRE, i, spec);
                    String module = normaliseModule(spec);
                    moduleFacts(i, module);
                    importBindings(i + 1, k - 1, module);
                    return k;
                }
                return i;
            }
            if (t == JsLexer.NONE || lx.isPunct(k, ';') || lx.isPunct(k, '(')) {
                return i;
            }
        }
        return i;
    }

    /** The names of {@code import x, * as y, {a, b as c}} between {@code from} and {@code to}. */
    private void importBindings(int from, int to, String module) {
        int k = from;
        if (lx.isIdent(k, "type")) {
            return;
        }
        while (k < to) {
            if (lx.isPunct(k, '*') && lx.isIdent(k + 1, "as") && lx.type(k + 2) == JsLexer.IDENT) {
                bindModule(lx.text(k + 2), module);
                k += 3;
            } else if (lx.isPunct(k, '{')) {
                k++;
                while (k < to && !lx.isPunct(k, '}')) {
                    if (lx.type(k) == JsLexer.IDENT || lx.type(k) == JsLexer.STRING) {
                        String key = lx.type(k) == JsLexer.STRING
                                ? Literals.decode(src, lx.start(k), lx.end(k)).value() : lx.text(k);
                        String alias = key;
                        if (lx.isIdent(k + 1, "as") && lx.type(k + 2) == JsLexer.IDENT) {
                            alias = lx.text(k + 2);
                            k += 2;
                        }
                        if (key.equals("default")) {
                            bindModule(alias, module);
                        } else {
                            bindMember(alias, module + "." + key);
                        }
                    }
                    k++;
                }
                k++;
            } else if (lx.type(k) == JsLexer.IDENT && !lx.isIdent(k, "from")) {
                bindModule(lx.text(k), module);
                k++;
            } else {
                k++;
            }
        }
    }

    private int dynamicImport(int i) {
        int close = closing(i + 1);
        if (close < 0) {
            return i;
        }
        Folded spec = fold(i + 2);
        if (spec != null && spec.end + 1 == close) {
            if (spec.encoding != null) {
                value(spec.value, spec.encoding, i + 2);
            }
            String lower = spec.value.toLowerCase(Locale.ROOT);
            int colon = lower.indexOf(':');
            String scheme = colon > 0 ? lower.substring(0, colon) : "";
            if (scheme.equals("data") || scheme.equals("blob") || scheme.equals("http") || scheme.equals("https")) {
                fact(FactKind.REMOTE_IMPORT, i, scheme);
                if (scheme.equals("data")) {
                    dataUrl(spec.value, i);
                }
            } else {
                fact(FactKind.REQUIRE, i, spec.value);
                String module = normaliseModule(spec.value);
                moduleFacts(i, module);
            }
            return close;
        }
        fact(FactKind.DYNAMIC_REQUIRE, i, expression(i + 2, close));
        fact(FactKind.REMOTE_IMPORT, i, "computed");
        return i + 1;
    }

    /** The code inside {@code data:text/javascript;base64,…} or {@code data:text/javascript,…}. */
    private void dataUrl(String url, int i) {
        int comma = url.indexOf(',');
        if (comma < 0) {
            return;
        }
        String header = url.substring(0, comma).toLowerCase(Locale.ROOT);
        String body = url.substring(comma + 1);
        if (header.endsWith(";base64")) {
            String text = Encodings.printableText(Encodings.base64Bytes(body));
            if (text != null) {
                payload(text, "base64", i);
            }
        } else {
            payload(java.net.URLDecoder.decode(body.replace("+", "%2B"), StandardCharsets.UTF_8), "data-url", i);
        }
    }

    /** {@code export … from 'm'}. */
    private int exportFrom(int i) {
        if (!lx.isPunct(i + 1, '*') && !lx.isPunct(i + 1, '{')) {
            return i;
        }
        int limit = i + JsLexer.MAX_LOOKAHEAD / 2;
        for (int k = i + 1; k < limit; k++) {
            if (lx.type(k) == JsLexer.STRING && lx.isIdent(k - 1, "from")) {
                fact(FactKind.REQUIRE, i, Literals.decode(src, lx.start(k), lx.end(k)).value());
                return k;
            }
            if (lx.type(k) == JsLexer.NONE || lx.isPunct(k, ';') || lx.isPunct(k, '(')
                    || lx.isPunct(k, '}') && !lx.isIdent(k + 1, "from")) {
                return i;
            }
        }
        return i;
    }

    /** {@code alias.member(…)}, {@code alias.promises.member(…)}, {@code alias['member'](…)}, {@code alias(…)}. */
    private void moduleMember(int i, String module) {
        if (lx.isPunct(i + 1, '(')) {
            capability(i, module, "", i + 1);
            return;
        }
        int k;
        String member;
        if (lx.isPunct(i + 1, '.') && lx.type(i + 2) == JsLexer.IDENT) {
            k = i + 2;
            member = lx.text(k);
            // fs.promises.writeFile; TypeScript's interop object: (0, fs_1.default.writeFile)
            if ((member.equals("promises") || member.equals("default")) && lx.isPunct(k + 1, '.')
                    && lx.type(k + 2) == JsLexer.IDENT) {
                k += 2;
                member = lx.text(k);
            }
        } else if (lx.isPunct(i + 1, '[') && computedKey(i + 1) != null) {
            // cp['exec'], cp['ex' + 'ec'], cp[['sp', 'awn'].join('')]: the same member as cp.exec
            Folded key = computedKey(i + 1);
            k = key.end + 1;
            member = key.value;
        } else {
            return;
        }
        if (lx.isPunct(k + 1, '(')) {
            capability(k, module, member, k + 1);
        } else if (lx.isPunct(k + 1, ')') && lx.isPunct(k + 2, '(') && lx.isPunct(i - 1, ',')
                && "0".equals(lx.text(i - 2)) && lx.isPunct(i - 3, '(')) {
            // TypeScript's call without a this: (0, child_process_1.exec)(…)
            capability(k, module, member, k + 2);
        } else if (lx.isPunct(k + 1, '=') && !dotBefore(i)) {
            return;
        } else if (member.equals("locale") && module.equals("os")) {
            fact(FactKind.LOCALE_CHECK, k, "os.locale");
        }
    }

    /** The constant key of a computed member access whose {@code [} is at {@code open}, or null. */
    private Folded computedKey(int open) {
        Folded key = fold(open + 1);
        return key != null && lx.isPunct(key.end + 1, ']') ? key : null;
    }

    /**
     * A computed member access whose key is assembled ({@code [][('fil'+'ter')][('constr'+'uctor')]}): the
     * Function constructor reached through any function's constructor property runs code like eval, called at
     * once or kept in a variable first.
     */
    private void computedMember(int open) {
        if (lx.type(open + 1) == JsLexer.STRING && lx.isPunct(open + 2, ']')) {
            return;
        }
        Folded key = computedKey(open);
        if (key != null && key.value.equals("constructor") && lx.isPunct(open - 1, ']')) {
            fact(FactKind.EVAL, open, "computed constructor");
        }
    }

    /**
     * The fact for calling {@code member} of {@code module} (empty member: calling the module itself); {@code open}
     * is the call's opening parenthesis.
     */
    private void capability(int i, String module, String member, int open) {
        switch (module) {
            case "child_process" -> {
                if (CHILD_PROCESS.contains(member)) {
                    fact(FactKind.CHILD_PROCESS, i, "child_process." + member);
                    commandArgument(open, member.startsWith("exec") && !member.startsWith("execFile"));
                }
            }
            case "execa", "cross-spawn", "node-pty" -> {
                fact(FactKind.CHILD_PROCESS, i, member.isEmpty() ? module : module + "." + member);
                commandArgument(open, member.equals("command") || member.equals("commandSync"));
            }
            case "shelljs" -> {
                if (member.equals("exec")) {
                    fact(FactKind.CHILD_PROCESS, i, "shelljs.exec");
                    commandArgument(open, true);
                } else if (member.equals("rm")) {
                    fact(FactKind.FS_DESTRUCTIVE, i, "shelljs.rm");
                }
            }
            case "http", "https", "http2" -> {
                if (member.equals("request") || member.equals("get") || member.equals("connect")) {
                    fact(FactKind.NETWORK, i, module + "." + member);
                }
            }
            case "net", "tls" -> {
                if (member.equals("connect") || member.equals("createConnection") || member.equals("Socket")
                        || member.equals("createServer")) {
                    fact(FactKind.NETWORK, i, module + "." + member);
                }
            }
            case "dgram" -> {
                if (member.equals("createSocket")) {
                    fact(FactKind.NETWORK, i, "dgram.createSocket");
                }
            }
            case "dns" -> {
                if (member.startsWith("resolve") || member.equals("lookup") || member.equals("Resolver")) {
                    fact(FactKind.NETWORK, i, "dns." + member);
                }
            }
            case "fs" -> {
                if (FS_WRITE.contains(member)) {
                    fact(FactKind.FS_WRITE, i, "fs." + member);
                } else if (FS_DESTRUCTIVE.contains(member)) {
                    fact(FactKind.FS_DESTRUCTIVE, i, "fs." + member);
                }
            }
            case "rimraf", "del", "trash" -> {
                if (member.isEmpty() || member.equals("sync") || member.equals("rimraf") || member.equals("deleteSync")
                        || member.equals("rimrafSync") || member.equals("deleteAsync")) {
                    fact(FactKind.FS_DESTRUCTIVE, i, module);
                }
            }
            case "vm" -> {
                if (VM.contains(member)) {
                    fact(FactKind.EVAL, i, "vm." + member);
                    evaluatedArgument(open);
                }
            }
            case "os" -> {
                if (member.equals("locale")) {
                    fact(FactKind.LOCALE_CHECK, i, "os.locale");
                }
            }
            default -> {
                if (NETWORK_MODULES.contains(module)) {
                    fact(FactKind.NETWORK, i, member.isEmpty() ? module : module + "." + member);
                }
            }
        }
    }

    /**
     * A constant command given to a child process is analysed as a shell command: {@code execSync('npm publish')}.
     * {@code shell} is true for the exec family (one command line); otherwise the first argument is the program and
     * a constant array the arguments.
     */
    private void commandArgument(int open, boolean shell) {
        Folded first = fold(open + 1);
        if (first == null) {
            return;
        }
        StringBuilder command = new StringBuilder(first.value);
        if (!shell && lx.isPunct(first.end + 1, ',') && lx.isPunct(first.end + 2, '[')) {
            int k = first.end + 3;
            while (k < open + JsLexer.MAX_LOOKAHEAD / 2) {
                Folded arg = fold(k);
                if (arg == null) {
                    break;
                }
                command.append(' ').append(CommandFacts.quote(arg.value));
                k = arg.end + 1;
                if (!lx.isPunct(k, ',')) {
                    break;
                }
                k++;
            }
        }
        CommandFacts.analyse(command.toString(), line(open), depth, sink, 1);
    }

    /** The constant code given to eval, Function, vm or a string timer, analysed as code. */
    private void evaluatedArgument(int open) {
        if (!lx.isPunct(open, '(')) {
            return;
        }
        Folded code = fold(open + 1);
        // an encoded argument is analysed as a payload already, one level deeper
        if (code != null && code.encoding == null && code.value.length() >= 4) {
            nested(code.value, open, depth);
        }
    }

    /**
     * A process option that hides the child ({@code windowsHide: true}) or cuts it loose from the installer
     * ({@code detached: true}); {@code !0} counts as true, as minifiers write it.
     */
    private void hiddenOption(int i, String name) {
        if (!lx.isPunct(i + 1, ':')) {
            return;
        }
        if (lx.isIdent(i + 2, "true") || lx.isPunct(i + 2, '!') && "0".equals(lx.text(i + 3))) {
            fact(FactKind.HIDDEN_PROCESS, i, name);
        }
    }

    private void runtimeSpawn(int i, String runtime, Set<String> calls) {
        if (lx.isPunct(i + 1, '.') && lx.type(i + 2) == JsLexer.IDENT && calls.contains(lx.text(i + 2))) {
            fact(FactKind.CHILD_PROCESS, i, runtime + "." + lx.text(i + 2));
        }
    }

    // ---- process.env

    private void processReference(int i) {
        int env;
        if (lx.isPunct(i + 1, '.') && (lx.isIdent(i + 2, "binding") || lx.isIdent(i + 2, "_linkedBinding"))
                && lx.isPunct(i + 3, '(')) {
            // the internal bindings child_process is built on, called directly to get past hooks of it
            Folded name = fold(i + 4);
            if (name != null && (name.value.equals("spawn_sync") || name.value.equals("process_wrap"))) {
                fact(FactKind.CHILD_PROCESS, i, "process.binding('" + name.value + "')");
            }
            return;
        }
        if (lx.isPunct(i + 1, '.') && lx.isIdent(i + 2, "env")) {
            env = i + 2;
        } else if (lx.isPunct(i + 1, '[') && lx.type(i + 2) == JsLexer.STRING && lx.isPunct(i + 3, ']')
                && Literals.decode(src, lx.start(i + 2), lx.end(i + 2)).value().equals("env")) {
            env = i + 3;
        } else {
            return;
        }
        int next = env + 1;
        if ((lx.isPunct(next, '.') || lx.isPunct(next, "?.")) && lx.type(next + 1) == JsLexer.IDENT) {
            envRead(i, lx.text(next + 1));
            return;
        }
        if (lx.isPunct(next, '[')) {
            Folded key = fold(next + 1);
            envRead(i, key != null && lx.isPunct(key.end + 1, ']') ? key.value : "*");
            return;
        }
        if (lx.isPunct(i - 1, "...")) {
            if (!childEnvironment(i - 1)) {
                fact(FactKind.ENV_BULK, i, "spread");
            }
        } else if (lx.isPunct(i - 1, '(') && lx.isIdent(i - 2, "stringify") && lx.isIdent(i - 4, "JSON")) {
            fact(FactKind.ENV_BULK, i, "JSON.stringify");
        } else if (lx.isPunct(i - 1, '(') && lx.isIdent(i - 4, "Object") && lx.type(i - 2) == JsLexer.IDENT
                && Set.of("keys", "entries", "values", "getOwnPropertyNames").contains(lx.text(i - 2))) {
            fact(FactKind.ENV_BULK, i, "Object." + lx.text(i - 2));
        } else if (lx.isIdent(i - 1, "in") && lx.type(i - 2) == JsLexer.IDENT) {
            fact(FactKind.ENV_BULK, i, "for-in");
        } else if (exported(i)) {
            // handed whole to whichever module requires this one: the flow continues in another file
            fact(FactKind.ENV_BULK, i, "exported");
        } else if (lx.isPunct(i - 1, '=') && lx.isPunct(i - 2, '}')) {
            int open = i - 3;
            int stop = Math.max(0, i - JsLexer.MAX_LOOKBEHIND);
            while (open > stop && !lx.isPunct(open, '{')) {
                open--;
            }
            for (int k = open + 1; k < i - 2; k++) {
                if (lx.type(k) == JsLexer.IDENT && (lx.isPunct(k + 1, ',') || lx.isPunct(k + 1, ':')
                        || lx.isPunct(k + 1, '}') || lx.isPunct(k + 1, '='))
                        && !lx.isPunct(k - 1, ':') && !lx.isPunct(k - 1, '=')) {
                    envRead(i, lx.text(k));
                }
            }
        }
    }

    /**
     * Whether the spread at {@code spread} builds an environment for a child process ({@code env: {...process.env,
     * X: 1}}, {@code const env = {...process.env}}), which installers such as esbuild's do; copying the environment
     * to hand it on is not collecting it.
     */
    private boolean childEnvironment(int spread) {
        int brace = spread - 1;
        while (brace > spread - 64 && !lx.isPunct(brace, '{')) {
            if (lx.isPunct(brace, ';') || lx.isPunct(brace, '}') || lx.type(brace) == JsLexer.NONE) {
                return false;
            }
            brace--;
        }
        if (!lx.isPunct(brace, '{')) {
            return false;
        }
        // the object is the value of a name or key about the environment, possibly behind a condition:
        // env: {...}, const env = {...}, const env = extend ? {...process.env, ...extra} : extra
        for (int k = brace - 1; k > brace - 12; k--) {
            byte t = lx.type(k);
            if (t == JsLexer.NONE || lx.isPunct(k, ';') || lx.isPunct(k, '{') || lx.isPunct(k, '}')) {
                return false;
            }
            if (t == JsLexer.IDENT && (lx.isPunct(k + 1, '=') || lx.isPunct(k + 1, ':'))
                    && lx.text(k).toLowerCase(Locale.ROOT).contains("env")) {
                return true;
            }
        }
        return false;
    }

    private void envRead(int i, String key) {
        fact(FactKind.ENV_READ, i, key);
        if (LOCALE_ENV.contains(key)) {
            fact(FactKind.LOCALE_CHECK, i, "env " + key);
        }
    }

    // ---- locale and time

    private void navigator(int i) {
        if (lx.isPunct(i + 1, '.') && lx.type(i + 2) == JsLexer.IDENT) {
            String member = lx.text(i + 2);
            if (member.equals("language") || member.equals("languages")) {
                fact(FactKind.LOCALE_CHECK, i, "navigator." + member);
            } else if (member.equals("sendBeacon")) {
                fact(FactKind.NETWORK, i, "navigator.sendBeacon");
            }
        }
    }

    /**
     * {@code Date.now()} or {@code new Date()} (optionally with {@code .getTime()}, {@code .getFullYear()} …)
     * compared with a constant, on either side.
     */
    private void timeGate(int i) {
        int start;
        int end;
        if (lx.isPunct(i + 1, '.') && lx.isIdent(i + 2, "now") && lx.isPunct(i + 3, '(') && lx.isPunct(i + 4, ')')) {
            start = i;
            end = i + 4;
        } else if (lx.isIdent(i - 1, "new") && lx.isPunct(i + 1, '(') && lx.isPunct(i + 2, ')')) {
            start = i - 1;
            end = i + 2;
        } else {
            return;
        }
        while (lx.isPunct(end + 1, '.') && lx.type(end + 2) == JsLexer.IDENT && lx.isPunct(end + 3, '(')
                && lx.isPunct(end + 4, ')')) {
            end += 4;
        }
        boolean after = comparison(end + 1) && constantOperand(end + 2);
        boolean before = comparison(start - 1) && (lx.type(start - 2) == JsLexer.NUMBER
                || lx.type(start - 2) == JsLexer.STRING || namedDate(start - 2)) && wholeOperand(start - 3);
        if (after || before) {
            int from = before ? start - 2 : start;
            int to = after ? operandEnd(end + 2) : end;
            fact(FactKind.TIME_GATE, i, FactSink.bound(src.substring(lx.start(from), lx.end(to)), 120));
        }
    }

    // ---- sabotage

    /**
     * A {@code for}, {@code while} or {@code do} at the top level of the module (the caller checked the brace depth)
     * whose condition is constant true and whose body has no way out: requiring the module never returns. Any
     * {@code break}, {@code return}, {@code throw} or {@code process.exit} in the body counts as a way out, even one
     * that belongs to an inner loop or function: a lexer cannot tell reliably, and a missed exit would send every CLI
     * with a deliberate read loop to review.
     */
    private void endlessLoop(int i) {
        if (dotBefore(i) || lx.isPunct(i + 1, ':')) {
            return;
        }
        int headerEnd;
        int body;
        if (lx.isIdent(i, "for") && lx.isPunct(i + 1, '(')) {
            headerEnd = closing(i + 1);
            if (headerEnd < 0) {
                return;
            }
            int first = -1;
            int second = -1;
            int level = 0;
            for (int k = i + 2; k < headerEnd; k++) {
                if (lx.isPunct(k, '(') || lx.isPunct(k, '[') || lx.isPunct(k, '{')) {
                    level++;
                } else if (lx.isPunct(k, ')') || lx.isPunct(k, ']') || lx.isPunct(k, '}')) {
                    level--;
                } else if (level == 0 && lx.isPunct(k, ';')) {
                    if (first < 0) {
                        first = k;
                    } else {
                        second = k;
                        break;
                    }
                }
            }
            if (second < 0 || !(second == first + 1 || alwaysTrue(first + 1, second, true))) {
                return;
            }
            body = headerEnd + 1;
        } else if (lx.isIdent(i, "while") && lx.isPunct(i + 1, '(')) {
            headerEnd = closing(i + 1);
            // an empty body is read as the tail of a do … while, which the do reports
            if (headerEnd < 0 || lx.isPunct(headerEnd + 1, ';') || !alwaysTrue(i + 2, headerEnd, false)) {
                return;
            }
            body = headerEnd + 1;
        } else if (lx.isIdent(i, "do") && lx.isPunct(i + 1, '{')) {
            int close = closing(i + 1);
            if (close < 0 || !lx.isIdent(close + 1, "while") || !lx.isPunct(close + 2, '(')) {
                return;
            }
            headerEnd = closing(close + 2);
            if (headerEnd < 0 || !alwaysTrue(close + 3, headerEnd, false) || hasExit(i + 1, close)) {
                return;
            }
            fact(FactKind.ENDLESS_LOOP, i, "do … " + FactSink.bound(src.substring(lx.start(close + 1), lx.end(headerEnd)), 120));
            return;
        } else {
            return;
        }
        int bodyEnd = lx.isPunct(body, '{') ? closing(body) : statementEnd(body);
        if (bodyEnd < 0 || hasExit(body, bodyEnd)) {
            return;
        }
        fact(FactKind.ENDLESS_LOOP, i, FactSink.bound(src.substring(lx.start(i), lx.end(headerEnd)), 120));
    }

    /**
     * Whether tokens {@code from} (inclusive) to {@code to} (exclusive) are a condition that is always true:
     * {@code true}, a non-zero number, {@code !0}, {@code !false}, and in a for header also {@code x < Infinity}.
     */
    private boolean alwaysTrue(int from, int to, boolean counter) {
        int n = to - from;
        if (n == 1) {
            return lx.isIdent(from, "true") || lx.type(from) == JsLexer.NUMBER && !lx.text(from).matches("0[xXoObB]?0*|0?\\.0*|0n");
        }
        if (n == 2) {
            return lx.isPunct(from, '!') && (lx.isIdent(from + 1, "false") || lx.text(from + 1).equals("0"));
        }
        if (n == 3 && counter) {
            String op = lx.text(from + 1);
            return lx.isIdent(from + 2, "Infinity") && (op.equals("<") || op.equals("<=") || op.equals("!=") || op.equals("!=="))
                    || lx.isIdent(from, "Infinity") && (op.equals(">") || op.equals(">="));
        }
        return false;
    }

    /** The {@code ;} ending the statement at {@code from}, at its own bracket level, or -1 within the lookahead bound. */
    private int statementEnd(int from) {
        int level = 0;
        for (int k = from; k < from + JsLexer.MAX_LOOKAHEAD; k++) {
            byte t = lx.type(k);
            if (t == JsLexer.NONE) {
                return -1;
            }
            if (lx.isPunct(k, '(') || lx.isPunct(k, '[') || lx.isPunct(k, '{')) {
                level++;
            } else if (lx.isPunct(k, ')') || lx.isPunct(k, ']') || lx.isPunct(k, '}')) {
                level--;
            } else if (level == 0 && lx.isPunct(k, ';')) {
                return k;
            }
        }
        return -1;
    }

    /** Whether tokens {@code from} to {@code to} (both inclusive) hold a break, return, throw or process.exit/abort. */
    private boolean hasExit(int from, int to) {
        for (int k = from; k <= to; k++) {
            if (lx.type(k) == JsLexer.IDENT && !dotBefore(k) && (lx.isIdent(k, "break") || lx.isIdent(k, "return")
                    || lx.isIdent(k, "throw"))) {
                return true;
            }
            if ((lx.isIdent(k, "exit") || lx.isIdent(k, "abort") || lx.isIdent(k, "reallyExit")) && dotBefore(k)
                    && lx.isIdent(k - 2, "process")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the token before a constant ends no arithmetic ({@code last + 500 < Date.now()} is not a gate). */
    private boolean wholeOperand(int before) {
        byte t = lx.type(before);
        if (t == JsLexer.PUNCT) {
            String p = lx.text(before);
            return !(p.equals("+") || p.equals("-") || p.equals("*") || p.equals("/") || p.equals("%") || p.equals(")")
                    || p.equals("]"));
        }
        return t == JsLexer.NONE || lx.isIdent(before, "return");
    }

    private boolean comparison(int i) {
        return lx.type(i) == JsLexer.PUNCT && COMPARISONS.contains(lx.text(i));
    }

    private boolean constantOperand(int i) {
        byte t = lx.type(i);
        if (t == JsLexer.NUMBER || t == JsLexer.STRING) {
            return true;
        }
        if (t == JsLexer.IDENT && constants.containsKey(lx.text(i))) {
            return true;
        }
        if (namedDate(i)) {
            // the constant ends the operand: {@code Date.now() > LIMIT + grace} is arithmetic on it, not a gate
            byte next = lx.type(i + 1);
            return next != JsLexer.PUNCT || !(lx.isPunct(i + 1, '+') || lx.isPunct(i + 1, '-') || lx.isPunct(i + 1, '*')
                    || lx.isPunct(i + 1, '/') || lx.isPunct(i + 1, '.') || lx.isPunct(i + 1, '(') || lx.isPunct(i + 1, '['));
        }
        return lx.isIdent(i, "new") && lx.isIdent(i + 1, "Date") && lx.isPunct(i + 2, '(')
                && (lx.type(i + 3) == JsLexer.STRING || lx.type(i + 3) == JsLexer.NUMBER || namedDate(i + 3)
                || lx.type(i + 3) == JsLexer.IDENT && constants.containsKey(lx.text(i + 3)));
    }

    /** Whether token {@code i} names a date constant of this file (not a property of something). */
    private boolean namedDate(int i) {
        return lx.type(i) == JsLexer.IDENT && !dotBefore(i) && dateConstants.contains(lx.text(i));
    }

    /**
     * Whether {@code name = …} at {@code i} binds a constant date: declared {@code const} or named in capitals (the
     * ES5 spelling of a constant; a {@code let}/{@code var} in lower case is state that changes later, such as
     * {@code let last = 0}), to a number that reads as a date (a millisecond time stamp from 2001 on, or a year) or to
     * {@code new Date('…')}, {@code Date.parse('…')}, {@code Date.UTC(…)} of constants.
     */
    private boolean dateConstant(int i, String name) {
        boolean constant = lx.isIdent(i - 1, "const") || name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT))
                && name.chars().anyMatch(Character::isLetter);
        if (!constant) {
            return false;
        }
        int v = i + 2;
        if (lx.type(v) == JsLexer.NUMBER) {
            if (!endsStatement(v + 1)) {
                return false;
            }
            try {
                double n = Double.parseDouble(lx.text(v).replace("_", ""));
                return n >= 1e12 && n < 1e13 || n >= 1970 && n <= 2100 && n == Math.rint(n);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        boolean newDate = lx.isIdent(v, "new") && lx.isIdent(v + 1, "Date") && lx.isPunct(v + 2, '(');
        boolean dateCall = lx.isIdent(v, "Date") && lx.isPunct(v + 1, '.')
                && (lx.isIdent(v + 2, "parse") || lx.isIdent(v + 2, "UTC")) && lx.isPunct(v + 3, '(');
        if (!newDate && !dateCall) {
            return false;
        }
        int open = newDate ? v + 2 : v + 3;
        if (lx.isPunct(open + 1, ')')) {
            return false; // new Date(): now, not a constant
        }
        for (int k = open + 1; k < open + 32; k++) {
            byte t = lx.type(k);
            if (lx.isPunct(k, ')')) {
                return endsStatement(k + 1) || lx.isPunct(k + 1, '.') && lx.isIdent(k + 2, "getTime");
            }
            if (!(t == JsLexer.NUMBER || t == JsLexer.STRING || lx.isPunct(k, ','))) {
                return false;
            }
        }
        return false;
    }

    private int operandEnd(int i) {
        if (lx.isIdent(i, "new")) {
            int close = closing(i + 2);
            return close > 0 ? close : i;
        }
        return i;
    }

    // ---- obfuscation

    /** {@code _0x1234 = ['…', '…', …]}: the string array of javascript-obfuscator. */
    private void stringArray(int i) {
        if (!lx.isPunct(i + 1, '=') || !lx.isPunct(i + 2, '[')) {
            return;
        }
        int strings = 0;
        for (int k = i + 3; k < i + 3 + 40 && lx.type(k) == JsLexer.STRING; k += 2) {
            strings++;
            if (!lx.isPunct(k + 1, ',')) {
                break;
            }
        }
        if (strings >= 5) {
            sink.addOnce(FactKind.OBFUSCATION, line(i), "string-array", snippet(i), depth);
        }
    }

    /** {@code arr.push(arr.shift())} or {@code arr['push'](arr['shift']())}: the rotation loop of a string array. */
    private void rotation(int i) {
        boolean called = lx.isPunct(i + 1, '(') || lx.isPunct(i + 1, ']') && lx.isPunct(i + 2, '(');
        if (!called) {
            return;
        }
        for (int k = i + 1; k < i + 12; k++) {
            if (lx.isIdent(k, "shift") || lx.type(k) == JsLexer.STRING
                    && Literals.decode(src, lx.start(k), lx.end(k)).value().equals("shift")) {
                sink.addOnce(FactKind.OBFUSCATION, line(i), "string-array", snippet(i), depth);
                return;
            }
        }
    }

    /** {@code eval(function(p,a,c,k,e,d)…)}: Dean Edwards' packer. */
    private void packer(int i) {
        if (lx.isPunct(i + 1, '(') && lx.isIdent(i + 2, "function") && lx.isPunct(i + 3, '(')
                && lx.isIdent(i + 4, "p") && lx.isIdent(i + 6, "a") && lx.isIdent(i + 8, "c") && lx.isIdent(i + 10, "k")) {
            sink.addOnce(FactKind.OBFUSCATION, line(i), "packer", snippet(i), depth);
        }
    }

    // ---- literals and constant folding

    /** A constant string value and the last token it spans. */
    private record Folded(String value, int end, String encoding) {
    }

    /** Folds the constant expression at {@code i}, reports on its value and returns the last token it spans. */
    private int constantExpression(int i) {
        Folded f = fold(i);
        if (f == null) {
            return i;
        }
        value(f.value, f.encoding, i);
        return Math.max(i, f.end);
    }

    /** {@code atom (+ atom)*} from token {@code i}, or null when the first atom is not constant. */
    private Folded fold(int i) {
        Folded first = atom(i);
        if (first == null) {
            return null;
        }
        if (!lx.isPunct(first.end + 1, '+')) {
            return first;
        }
        StringBuilder value = new StringBuilder(first.value);
        String encoding = first.encoding;
        int end = first.end;
        while (lx.isPunct(end + 1, '+') && end - i < JsLexer.MAX_LOOKAHEAD / 2 && value.length() < MAX_FOLD_CHARS) {
            Folded next = atom(end + 2);
            if (next == null) {
                break;
            }
            value.append(next.value);
            if (encoding == null) {
                encoding = next.encoding;
            }
            end = next.end;
        }
        return new Folded(value.toString(), end, encoding);
    }

    private Folded atom(int i) {
        if (foldNesting >= 16) {
            return null;
        }
        foldNesting++;
        try {
            return atomAt(i);
        } finally {
            foldNesting--;
        }
    }

    private Folded atomAt(int i) {
        byte t = lx.type(i);
        if (t == JsLexer.IDENT && !sink.mayDecode(line(i)) && (lx.isIdent(i, "atob") || lx.isIdent(i, "Buffer")
                || lx.isIdent(i, "String"))) {
            return null;
        }
        if (t == JsLexer.STRING || t == JsLexer.TEMPLATE) {
            Literals.Decoded d = Literals.decode(src, lx.start(i), lx.end(i));
            boolean escaped = d.escapes() >= 4 && d.escapes() * 2 >= d.value().length();
            return new Folded(d.value(), i, escaped ? "escape" : null);
        }
        if (t == JsLexer.PUNCT && lx.isPunct(i, '[')) {
            return arrayJoin(i);
        }
        if (t == JsLexer.PUNCT && lx.isPunct(i, '(')) {
            Folded inner = fold(i + 1);
            return inner != null && lx.isPunct(inner.end + 1, ')') ? new Folded(inner.value, inner.end + 1, inner.encoding) : null;
        }
        if (t != JsLexer.IDENT || dotBefore(i)) {
            return null;
        }
        String name = lx.text(i);
        switch (name) {
            case "String" -> {
                return fromCharCode(i);
            }
            case "atob" -> {
                if (lx.isPunct(i + 1, '(')) {
                    Folded arg = fold(i + 2);
                    if (arg != null && lx.isPunct(arg.end + 1, ')')) {
                        byte[] bytes = sink.spendDecoded(arg.value.length()) ? Encodings.base64Bytes(arg.value) : null;
                        if (bytes != null) {
                            return new Folded(new String(bytes, StandardCharsets.ISO_8859_1), arg.end + 1, "base64");
                        }
                    }
                }
                return null;
            }
            case "Buffer" -> {
                return bufferFrom(i);
            }
            default -> {
                String constant = constants.get(name);
                if (constant != null && !lx.isPunct(i + 1, '(') && !lx.isPunct(i + 1, '.') && !lx.isPunct(i + 1, '[')
                        && !lx.isPunct(i + 1, '=')) {
                    return new Folded(constant, i, null);
                }
                return null;
            }
        }
    }

    /** A name split into an array of constants and joined again: {@code ['re', 'gs', 'vr', '32'].join('')}. */
    private Folded arrayJoin(int open) {
        List<String> parts = new ArrayList<>();
        int k = open + 1;
        while (k < open + JsLexer.MAX_LOOKAHEAD / 2) {
            Folded part = fold(k);
            if (part == null) {
                return null;
            }
            parts.add(part.value);
            k = part.end + 1;
            if (lx.isPunct(k, ']')) {
                break;
            }
            if (!lx.isPunct(k, ',')) {
                return null;
            }
            k++;
        }
        if (!lx.isPunct(k, ']') || !lx.isPunct(k + 1, '.') || !lx.isIdent(k + 2, "join") || !lx.isPunct(k + 3, '(')) {
            return null;
        }
        String separator = ",";
        int close = k + 4;
        if (!lx.isPunct(close, ')')) {
            Folded sep = fold(close);
            if (sep == null || !lx.isPunct(sep.end + 1, ')')) {
                return null;
            }
            separator = sep.value;
            close = sep.end + 1;
        }
        return new Folded(String.join(separator, parts), close, null);
    }

    /** {@code String.fromCharCode(99, 104, 0x69 …)}. */
    private Folded fromCharCode(int i) {
        if (!lx.isPunct(i + 1, '.') || !lx.isIdent(i + 2, "fromCharCode") || !lx.isPunct(i + 3, '(')) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int k = i + 4;
        while (lx.type(k) == JsLexer.NUMBER && k < i + JsLexer.MAX_LOOKAHEAD / 2) {
            int code = number(lx.text(k));
            if (code < 0) {
                return null;
            }
            out.append((char) code);
            if (lx.isPunct(k + 1, ')')) {
                return new Folded(out.toString(), k + 1, "char-codes");
            }
            if (!lx.isPunct(k + 1, ',')) {
                return null;
            }
            k += 2;
        }
        return null;
    }

    private static int number(String text) {
        try {
            String t = text.replace("_", "");
            int v = t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t.substring(2), 16)
                    : t.startsWith("0o") || t.startsWith("0O") ? Integer.parseInt(t.substring(2), 8)
                    : t.startsWith("0b") || t.startsWith("0B") ? Integer.parseInt(t.substring(2), 2)
                    : Integer.parseInt(t);
            return v >= 0 && v <= 0xFFFF ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code Buffer.from('…', 'base64' | 'hex')}, optionally {@code .toString()}. */
    private Folded bufferFrom(int i) {
        if (!lx.isPunct(i + 1, '.') || !lx.isIdent(i + 2, "from") || !lx.isPunct(i + 3, '(')) {
            return null;
        }
        Folded data = fold(i + 4);
        if (data == null) {
            return null;
        }
        int end;
        String encoding = null;
        if (lx.isPunct(data.end + 1, ')')) {
            end = data.end + 1;
        } else if (lx.isPunct(data.end + 1, ',') && lx.type(data.end + 2) == JsLexer.STRING && lx.isPunct(data.end + 3, ')')) {
            encoding = Literals.decode(src, lx.start(data.end + 2), lx.end(data.end + 2)).value().toLowerCase(Locale.ROOT);
            end = data.end + 3;
        } else {
            return null;
        }
        if (lx.isPunct(end + 1, '.') && lx.isIdent(end + 2, "toString") && lx.isPunct(end + 3, '(')) {
            int close = lx.isPunct(end + 4, ')') ? end + 4 : lx.type(end + 4) == JsLexer.STRING && lx.isPunct(end + 5, ')') ? end + 5 : -1;
            if (close > 0) {
                end = close;
            }
        }
        byte[] bytes;
        if (encoding == null || encoding.equals("utf8") || encoding.equals("utf-8")) {
            return new Folded(data.value, end, data.encoding);
        } else if (!sink.spendDecoded(data.value.length())) {
            return null;
        } else if (encoding.equals("base64") || encoding.equals("base64url")) {
            bytes = Encodings.base64Bytes(data.value);
        } else if (encoding.equals("hex")) {
            bytes = Encodings.hexBytes(data.value);
        } else {
            return null;
        }
        if (bytes == null) {
            return null;
        }
        return new Folded(new String(bytes, StandardCharsets.UTF_8), end, encoding.startsWith("base64") ? "base64" : "hex");
    }

    /** Everything a constant string value tells: payloads, blobs, sensitive names, geo-IP hosts, rule patterns. */
    private void value(String v, String encoding, int i) {
        if (v.isEmpty()) {
            return;
        }
        if (encoding != null) {
            if (Encodings.isPrintable(v)) {
                payload(v, encoding, i);
            }
        } else if (v.length() >= Encodings.MIN_HEX && sink.mayDecode(line(i))) {
            String decoded = null;
            String how = null;
            if (Encodings.isHex(v)) {
                decoded = Encodings.printableText(Encodings.hexBytes(v));
                how = "hex";
            } else if (Encodings.looksBase64(v)) {
                decoded = Encodings.printableText(Encodings.base64Bytes(v));
                how = "base64";
            }
            if (how != null && !sink.spendDecoded(v.length())) {
                return;
            }
            if (decoded != null && decoded.length() >= 6) {
                payload(decoded, how, i);
            } else if (Encodings.highEntropy(v)) {
                sink.add(FactKind.OBFUSCATION, line(i), "high-entropy", snippet(i), depth);
            }
        }
        signals(v, i, depth);
        if (v.equals("push")) {
            rotation(i);
        }
    }

    private void signals(String v, int i, int atDepth) {
        screen(v, line(i), atDepth, sink);
    }

    /** What a constant string names: credential paths, geo-IP hosts, the rule set's patterns; evidence: the string. */
    static void screen(String v, int line, int atDepth, FactSink sink) {
        SensitiveStrings.Screen screen = SensitiveStrings.screen(v);
        for (String category : screen.categories()) {
            sink.add(FactKind.SENSITIVE_PATH, line, category, v, atDepth);
        }
        if (screen.geoIp()) {
            sink.add(FactKind.LOCALE_CHECK, line, "geo-ip", v, atDepth);
        }
        for (StringPattern p : sink.options().matching(v)) {
            sink.add(FactKind.STRING_MATCH, line, p.name(), v, atDepth);
        }
    }

    /**
     * A decoded payload: reported with its text, screened like a plain literal one level deeper, then analysed again
     * as code. The screen runs even past the decode depth: it is a bounded regex pass over text already decoded (and
     * reported as evidence), so a geo-IP host or a credential path in the deepest payload still counts.
     */
    private void payload(String text, String encoding, int i) {
        sink.add(FactKind.ENCODED_PAYLOAD, line(i), encoding, text, depth);
        signals(text, i, depth + 1);
        if (depth + 1 > sink.limits().maxDecodeDepth()) {
            return;
        }
        nested(text, i, depth + 1);
    }

    /** Analyses {@code code} as JavaScript (and as a shell command when it reads like one) at {@code atDepth}. */
    private void nested(String code, int i, int atDepth) {
        if (atDepth > sink.limits().maxDecodeDepth() || !sink.spendDecoded(code.length()) || !sink.enter()) {
            return;
        }
        try {
            int at = line(i);
            new JsAnalyzer(new JsLexer(code), sink, atDepth, at).run();
            if (CommandFacts.looksLikeCommand(code)) {
                CommandFacts.analyse(code, at, atDepth, sink, 1);
            }
        } finally {
            sink.exit();
        }
    }

    /** The source of tokens {@code from} (inclusive) to {@code to} (exclusive), bounded. */
    private String expression(int from, int to) {
        int s = lx.start(from);
        int e = Math.max(s, lx.start(to));
        return FactSink.bound(src.substring(s, Math.min(e, s + 200)), 100);
    }

    /** The index of the token closing the bracket at {@code open}, or -1 within the lookahead bound. */
    private int closing(int open) {
        int level = 0;
        int limit = open + JsLexer.MAX_LOOKAHEAD;
        for (int k = open; k < limit; k++) {
            byte t = lx.type(k);
            if (t == JsLexer.NONE) {
                return -1;
            }
            if (t == JsLexer.PUNCT) {
                char c = src.charAt(lx.start(k));
                if (c == '(' || c == '[' || c == '{') {
                    level++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (--level == 0) {
                        return k;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * {@code module.exports = process.env}, {@code exports.x = process.env}, {@code export default process.env}:
     * the token at {@code i} (process) is the value a module exports.
     */
    private boolean exported(int i) {
        if (lx.isIdent(i - 1, "default") && lx.isIdent(i - 2, "export")) {
            return true;
        }
        if (!lx.isPunct(i - 1, '=')) {
            return false;
        }
        return lx.isIdent(i - 2, "exports")
                || lx.type(i - 2) == JsLexer.IDENT && lx.isPunct(i - 3, '.') && lx.isIdent(i - 4, "exports");
    }
}
