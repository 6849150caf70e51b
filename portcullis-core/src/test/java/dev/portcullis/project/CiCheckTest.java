package dev.portcullis.project;

import static dev.portcullis.project.CiTestProjects.context;
import static dev.portcullis.project.CiTestProjects.lockfile;
import static dev.portcullis.project.CiTestProjects.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CiCheckTest {
    private static final String RUNTIME = "ci/runtime-resolution";
    private static final String UNFROZEN = "ci/unfrozen-install";
    private static final String PIPE = "ci/pipe-to-shell";

    /** A finding as the tests compare it: rule, file:line, package, version and severity. */
    record Row(String rule, String at, String pkg, String version, Severity severity) {
    }

    static Row row(String rule, String at, String pkg, String version) {
        Severity severity = rule.equals(UNFROZEN) ? Severity.MEDIUM : Severity.HIGH;
        return new Row(rule, at, pkg, version, severity);
    }

    static List<Row> rows(List<Finding> findings) {
        return findings.stream()
                .map(f -> new Row(f.rule().id(), f.location().toString(), f.packageName(), f.version(), f.severity()))
                .toList();
    }

    static List<Finding> check(String path, String content) {
        return new CiCheck().check(context(lockfile(), List.of(new ProjectFile(path, content))));
    }

    @Test
    void findsEachRuleInARealisticGithubWorkflow() {
        String workflow = """
                name: ci
                on: [push]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: npm ci
                      - name: Install
                        run: |
                          npm install
                          npx tsc --noEmit
                          npx eslint .
                          npx --no-install prettier --check .
                          # curl https://example.com/install.sh | sh
                          echo "npx cowsay hello"
                          npx cowsay hello
                      - run: curl -fsSL https://get.example.com/install.sh | bash -s -- --yes
                      - uses: actions/github-script@v7
                        with:
                          script: |
                            npx evil
                      - run: >
                          npx -y create-react-app@latest app
                      - run: npm exec --package=@scope/gen@1 -- gen && npm exec --offline -- eslint .
                      - shell: pwsh
                        run: |
                          iex (iwr https://get.example.com/install.ps1)
                          iwr -useb https://get.example.com/x.ps1 | iex
                      - run: bun install --frozen-lockfile && pnpm install --frozen-lockfile && yarn --immutable
                """;
        assertThat(rows(check(".github/workflows/ci.yml", workflow))).containsExactly(
                row(UNFROZEN, ".github/workflows/ci.yml:11", null, null),
                row(RUNTIME, ".github/workflows/ci.yml:17", "cowsay", null),
                row(PIPE, ".github/workflows/ci.yml:18", null, null),
                row(RUNTIME, ".github/workflows/ci.yml:24", "create-react-app", "latest"),
                row(RUNTIME, ".github/workflows/ci.yml:25", "@scope/gen", "1"),
                row(PIPE, ".github/workflows/ci.yml:28", null, null),
                row(PIPE, ".github/workflows/ci.yml:29", null, null));
    }

    @Test
    void findsScriptsOfJobsAndAnchorsInAGitlabFile() {
        String gitlab = """
                .setup: &setup
                  - yarn install
                  - pnpm install --frozen-lockfile

                default:
                  image: node:20

                test:
                  before_script: *setup
                  script:
                    - yarn install --immutable
                    - pnpm dlx eslint .
                    - pnpm exec eslint .
                    - yarn run lint
                    - bash <(curl -s https://example.com/setup.sh)
                    - wget -q https://example.com/file.tgz | sh   # wget saved a file, nothing is piped
                  after_script:
                    - - npx -p jest@^29 jest
                """;
        assertThat(rows(check(".gitlab-ci.yml", gitlab))).containsExactly(
                row(UNFROZEN, ".gitlab-ci.yml:2", null, null),
                row(RUNTIME, ".gitlab-ci.yml:12", "eslint", null),
                row(PIPE, ".gitlab-ci.yml:15", null, null),
                row(RUNTIME, ".gitlab-ci.yml:18", "jest", "^29"));
    }

    @Test
    void findsRunCmdAndHeredocCommandsInADockerfile() {
        String dockerfile = """
                # syntax=docker/dockerfile:1
                FROM node:20-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN apt-get update && \\
                    apt-get install -y curl && \\
                    # the installer below
                    curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
                RUN npm ci --omit=dev
                RUN npm install -g pnpm@9.1.0 && npm i -g serve
                RUN ["npx", "prisma@5.0.0", "generate"]
                RUN <<EOF
                set -e
                yarn
                EOF
                RUN cat <<EOF > /etc/motd
                npm install is not run here
                EOF
                CMD ["npx", "serve", "-s", "build"]
                """;
        assertThat(rows(check("Dockerfile", dockerfile))).containsExactly(
                row(PIPE, "Dockerfile:8", null, null),
                row(UNFROZEN, "Dockerfile:10", "serve", null),
                row(RUNTIME, "Dockerfile:11", "prisma", "5.0.0"),
                row(UNFROZEN, "Dockerfile:14", null, null),
                row(RUNTIME, "Dockerfile:19", "serve", null));
    }

    @Test
    void findsRecipeCommandsInAMakefileButNotItsInstalls() {
        String makefile = """
                NPM ?= npm
                .PHONY: lint setup

                lint:
                \t@npx eslint .
                \t-npx jshint src

                setup: ; npm install

                install-tools:
                \tcurl -sSL https://example.com/tool.sh | sh
                \techo $$(npx semver@7.6.0 1.2.3)
                """;
        assertThat(rows(check("Makefile", makefile))).containsExactly(
                row(RUNTIME, "Makefile:6", "jshint", null),
                row(PIPE, "Makefile:11", null, null),
                row(RUNTIME, "Makefile:12", "semver", "7.6.0"));
    }

    @Test
    void findsCommandsInAShellScriptButNotInCommentsOrHeredocs() {
        String script = """
                #!/usr/bin/env bash
                set -euo pipefail
                # npx never-runs
                npm install
                sh -c "npx cowsay@1.6.0 moo"
                cat <<EOF > notes.txt
                npx in-heredoc
                EOF
                python3 <(wget -qO- https://example.com/get.py)
                curl -s https://api.example.com/x | python3 parse.py
                curl -s https://api.example.com/x | node -e 'process.stdin.pipe(process.stdout)'
                """;
        assertThat(rows(check("release.sh", script))).containsExactly(
                row(RUNTIME, "release.sh:5", "cowsay", "1.6.0"),
                row(PIPE, "release.sh:9", null, null));
    }

    @Test
    void findsRunnersAndPipesInPackageJsonScriptsOfRootAndWorkspaces() {
        var root = manifest("package.json", List.of(
                new String[] {"lint", "eslint ."},
                new String[] {"typecheck", "npx tsc --noEmit"},
                new String[] {"fmt", "cross-env NODE_ENV=dev npx prettier@latest --write ."},
                new String[] {"setup", "npm install && curl -fsSL https://bun.sh/install | bash"},
                new String[] {"dev", "concurrently \"npx tsx watch src\" \"npx nodemon\""}));
        var web = manifest("packages/web/package.json", List.of(
                new String[] {"build", "bunx vite build"},
                new String[] {"start", "bunx --no-install vite"}));
        var context = new ProjectContext(root, Map.of("packages/web", web), lockfile(), List.of(), Map.of(),
                ProjectSettings.defaults());
        assertThat(rows(new CiCheck().check(context))).containsExactly(
                row(RUNTIME, "package.json:7", "prettier", "latest"),
                row(PIPE, "package.json:8", null, null),
                row(RUNTIME, "package.json:9", "nodemon", null),
                row(RUNTIME, "packages/web/package.json:5", "vite", null));
    }

    @Test
    void installsInMakefileTargetsScriptsAndPackageScriptsCountWhenCiRunsThem() {
        var root = manifest("package.json", List.of(
                new String[] {"preci", "npm install"},
                new String[] {"ci", "make"},
                new String[] {"dev-setup", "npm install"}));
        var files = List.of(
                new ProjectFile(".github/workflows/ci.yml", """
                        jobs:
                          test:
                            steps:
                              - run: make -j 4 check CI=1
                              - run: ./scripts/not-root.sh && bash ci.sh
                              - run: npm run ci
                        """),
                new ProjectFile("Makefile", """
                        all: deps
                        \tnpm test

                        deps:
                        \tpnpm install

                        check: lint
                        \tnpm test

                        lint: ; yarn

                        dev:
                        \tnpm install
                        """),
                new ProjectFile("ci.sh", "bun install\n"),
                new ProjectFile("dev.sh", "npm install\n"));
        var context = new ProjectContext(root, Map.of(), lockfile(), files, Map.of(), ProjectSettings.defaults());
        List<Finding> findings = new CiCheck().check(context);
        assertThat(rows(findings)).containsExactly(
                row(UNFROZEN, "Makefile:5", null, null),
                row(UNFROZEN, "Makefile:10", null, null),
                row(UNFROZEN, "ci.sh:1", null, null),
                row(UNFROZEN, "package.json:5", null, null));
        assertThat(findings.get(3).message()).startsWith("`npm install` in script \"preci\" of package.json (run by CI) ");
    }

    @Test
    void composeActionStepsAreCommands_andTheirInstallsMustBeFrozen() {
        String action = """
                name: setup
                runs:
                  using: composite
                  steps:
                    - run: pnpm install
                      shell: bash
                """;
        assertThat(rows(check(".github/actions/setup/action.yml", action))).containsExactly(
                row(UNFROZEN, ".github/actions/setup/action.yml:5", null, null));
    }

    @Test
    void malformedYamlIsScannedLineByLine() {
        String broken = """
                jobs:
                  build:
                    steps:
                      - run: npx cowsay
                \tbad: [
                """;
        assertThat(rows(check(".github/workflows/broken.yml", broken))).containsExactly(
                row(RUNTIME, ".github/workflows/broken.yml:4", "cowsay", null));
    }

    @Test
    void filesTheCheckDoesNotReadAreIgnored_readmeCodeBlock() {
        assertThat(check("README.md", "```sh\nnpm install\nnpx cowsay\ncurl https://x | sh\n```\n")).isEmpty();
        assertThat(check("docs/install.sh", "curl https://x | sh\n")).isEmpty();
    }

    @Test
    void withoutALockfileEveryRuntimeResolutionIsReported() {
        var context = context(null, List.of(new ProjectFile("ci.sh", "npx tsc\nnpx --no-install eslint .\n")));
        assertThat(rows(new CiCheck().check(context))).containsExactly(row(RUNTIME, "ci.sh:1", "tsc", null));
    }

    static Stream<Arguments> singleCommands() {
        return Stream.of(
                // runtime resolution: what runs, locked or not
                Arguments.of("npx tsc", List.of()),
                Arguments.of("npx tsserver", List.of()),
                Arguments.of("npx typescript", List.of()),
                Arguments.of("npx eslint .", List.of()),
                Arguments.of("npx vitest", List.of(row(RUNTIME, "Dockerfile:1", "vitest", null))),
                Arguments.of("npx jest@29.7.0", List.of()),
                Arguments.of("npx jest@v29.7.0", List.of()),
                Arguments.of("npx jest@29.6.0", List.of(row(RUNTIME, "Dockerfile:1", "jest", "29.6.0"))),
                Arguments.of("npx tsc@5.4.5", List.of(row(RUNTIME, "Dockerfile:1", "tsc", "5.4.5"))),
                Arguments.of("npx -p typescript@5.4.5 tsc", List.of()),
                Arguments.of("npx -p foo@latest cmd", List.of(row(RUNTIME, "Dockerfile:1", "foo", "latest"))),
                Arguments.of("npx foo@^1", List.of(row(RUNTIME, "Dockerfile:1", "foo", "^1"))),
                Arguments.of("npx --yes @angular/cli@17 new app", List.of(row(RUNTIME, "Dockerfile:1", "@angular/cli", "17"))),
                Arguments.of("npx github:user/repo", List.of(row(RUNTIME, "Dockerfile:1", "github:user/repo", null))),
                Arguments.of("npx ./tools/gen.js", List.of()),
                Arguments.of("npx --no-install cowsay", List.of()),
                Arguments.of("npm exec --offline -- cowsay", List.of()),
                Arguments.of("npm x -- cowsay", List.of(row(RUNTIME, "Dockerfile:1", "cowsay", null))),
                Arguments.of("npm exec -c 'eslint .'", List.of()),
                Arguments.of("npm run lint -- --fix", List.of()),
                Arguments.of("npm init vite@5.2.0 app", List.of(row(RUNTIME, "Dockerfile:1", "create-vite", "5.2.0"))),
                Arguments.of("npm init -y", List.of()),
                Arguments.of("pnpm exec eslint .", List.of()),
                Arguments.of("pnpm dlx jest@29.7.0", List.of()),
                Arguments.of("pnpm dlx cowsay", List.of(row(RUNTIME, "Dockerfile:1", "cowsay", null))),
                Arguments.of("pnpx eslint", List.of(row(RUNTIME, "Dockerfile:1", "eslint", null))),
                Arguments.of("yarn dlx -p @scope/x@2.0.0 x", List.of(row(RUNTIME, "Dockerfile:1", "@scope/x", "2.0.0"))),
                Arguments.of("yarn create next-app", List.of(row(RUNTIME, "Dockerfile:1", "create-next-app", null))),
                Arguments.of("yarn run eslint", List.of()),
                Arguments.of("yarn eslint", List.of()),
                Arguments.of("bunx prettier", List.of()),
                Arguments.of("bun x cowsay", List.of(row(RUNTIME, "Dockerfile:1", "cowsay", null))),
                Arguments.of("sudo -E env FOO=1 npx cowsay", List.of(row(RUNTIME, "Dockerfile:1", "cowsay", null))),
                Arguments.of("echo \"npx cowsay\"", List.of()),
                Arguments.of("npx $TOOL", List.of()),
                Arguments.of("npx eslint@${{ matrix.eslint }}", List.of()),
                // unfrozen installs
                Arguments.of("npm ci", List.of()),
                Arguments.of("npm clean-install", List.of()),
                Arguments.of("npm i", List.of(row(UNFROZEN, "Dockerfile:1", null, null))),
                Arguments.of("npm --prefix app install", List.of(row(UNFROZEN, "Dockerfile:1", null, null))),
                Arguments.of("npm add left-pad", List.of(row(UNFROZEN, "Dockerfile:1", null, null))),
                Arguments.of("npm install -g npm@10.5.0", List.of()),
                Arguments.of("npm install -g npm@latest", List.of(row(UNFROZEN, "Dockerfile:1", "npm@latest", null))),
                Arguments.of("npm i -g pnpm@9", List.of(row(UNFROZEN, "Dockerfile:1", "pnpm@9", null))),
                Arguments.of("yarn", List.of(row(UNFROZEN, "Dockerfile:1", null, null))),
                Arguments.of("yarn --cwd app install", List.of(row(UNFROZEN, "Dockerfile:1", null, null))),
                Arguments.of("yarn install --frozen-lockfile", List.of()),
                Arguments.of("yarn --immutable", List.of()),
                Arguments.of("yarn build", List.of()),
                Arguments.of("yarn global add serve@14.2.1", List.of()),
                Arguments.of("pnpm i", List.of(row(UNFROZEN, "Dockerfile:1", null, null))),
                Arguments.of("pnpm install --frozen-lockfile=false", List.of(row(UNFROZEN, "Dockerfile:1", null, null))),
                Arguments.of("pnpm -C app install --frozen-lockfile", List.of()),
                Arguments.of("pnpm fetch", List.of()),
                Arguments.of("bun install", List.of(row(UNFROZEN, "Dockerfile:1", null, null))),
                Arguments.of("bun i --frozen-lockfile", List.of()),
                // pipes into a shell
                Arguments.of("curl https://x.example/i.sh | sh", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("curl -fsSL https://x.example/i.sh | sudo -E bash -", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("wget -O- https://x.example/i.sh | sh", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("wget -qO- https://x.example/i.sh | sudo bash", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("wget -qO - https://x.example/i.py | python3", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("curl -sL https://x.example/i.js | node", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("curl -s https://x.example/i.sh | tee log | sh -s -- -y", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("sh -c \"$(curl -fsSL https://x.example/i.sh)\"", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("eval \"$(curl -fsSL https://x.example/env)\"", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("bash <(curl -s https://x.example/i.sh)", List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("powershell -Command \"iex ((New-Object System.Net.WebClient).DownloadString('https://x.example/i.ps1'))\"",
                        List.of(row(PIPE, "Dockerfile:1", null, null))),
                Arguments.of("curl -o i.sh https://x.example/i.sh && sha256sum -c i.sha256 && sh i.sh", List.of()),
                Arguments.of("curl -fsSL https://x.example/i.sh | sh -c 'cat > i.sh'", List.of()),
                Arguments.of("wget https://x.example/i.sh | sh", List.of()),
                Arguments.of("curl -s https://x.example/data.json | jq .", List.of()),
                Arguments.of("echo 'curl https://x.example | sh'", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("singleCommands")
    void judgesSingleCommandsInADockerfileRun(String command, List<Row> expected) {
        assertThat(rows(check("Dockerfile", "RUN " + command + "\n"))).isEqualTo(expected);
    }

    @Test
    void messagesSayWhatRunsWhereAndWhy() {
        var findings = check(".github/workflows/ci.yml", """
                jobs:
                  a:
                    steps:
                      - run: npx cowsay@latest hi && npm install && curl -s https://x.example/i.sh | sh
                      - run: pnpm dlx eslint .
                """);
        // same line: report order is by rule id
        assertThat(findings).extracting(Finding::message).containsExactly(
                "`curl -s https://x.example/i.sh | sh` in .github/workflows/ci.yml pipes a download straight into "
                        + "an interpreter: the script runs unpinned and unverified.",
                "`npx cowsay@latest hi` in .github/workflows/ci.yml runs cowsay at 'latest', which the registry "
                        + "resolves when the command runs: each run may execute a different, unreviewed release.",
                "`npm install` in .github/workflows/ci.yml installs without enforcing the lockfile: npm install may "
                        + "resolve versions the lockfile does not hold and rewrite it, so the build uses dependencies "
                        + "nobody reviewed.",
                "`pnpm dlx eslint .` in .github/workflows/ci.yml downloads eslint at run time: pnpm dlx never uses "
                        + "the project's locked copy, so whatever the registry serves now runs.");
    }

    @Test
    void packageScriptMessagesNameTheScript() {
        var root = manifest("package.json", List.<String[]>of(new String[] {"gen", "npx cowsay"}));
        var context = new ProjectContext(root, Map.of(), lockfile(), List.of(), Map.of(), ProjectSettings.defaults());
        assertThat(new CiCheck().check(context)).extracting(Finding::message).containsExactly(
                "`npx cowsay` in script \"gen\" of package.json runs cowsay, which is not a locked dependency of the "
                        + "project: npx downloads it from the registry at run time, unpinned and without the "
                        + "lockfile's integrity check.");
    }

    @Test
    void rulesAreTheFourPublicIds() {
        assertThat(new CiCheck().rules()).extracting(r -> r.id() + " " + r.defaultSeverity().id()).containsExactly(
                "ci/runtime-resolution high", "ci/unfrozen-install medium", "ci/pipe-to-shell high",
                "ci/over-limit medium");
        assertThat(ProjectChecks.ALL).hasAtLeastOneElementOfType(CiCheck.class);
    }
}
