// Tabulates the reports false-alarms.sh left in WORK/<format>/<project>/: findings per severity per project and
// format (after the policy init proposed, with its allowlist accepted), the exit codes, and every high or critical
// finding, as markdown. Usage: node false-alarms-table.mjs WORK FORMAT… -- PROJECT…
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [work, ...rest] = process.argv.slice(2);
const split = rest.indexOf("--");
const formats = rest.slice(0, split);
const projects = rest.slice(split + 1);
const SEVERITIES = ["critical", "high", "medium", "low", "info"];

const rows = [];
const serious = [];
const byRule = new Map();
for (const project of projects) {
  for (const format of formats) {
    const dir = join(work, format, project);
    const status = existsSync(join(dir, ".status")) ? readFileSync(join(dir, ".status"), "utf8").trim() : "not-run";
    const reportFile = join(dir, ".scan.json");
    if (!/^\d+$/.test(status) || !existsSync(reportFile)) {
      rows.push({ project, format, status });
      continue;
    }
    const report = JSON.parse(readFileSync(reportFile, "utf8"));
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
    for (const f of report.findings) {
      counts[f.severity]++;
      if (f.severity === "medium" || f.severity === "high" || f.severity === "critical") {
        const key = `${f.severity} ${f.rule}`;
        byRule.set(key, (byRule.get(key) ?? 0) + 1);
      }
      if (f.severity === "high" || f.severity === "critical") {
        serious.push({ project, format, ...f });
      }
    }
    rows.push({ project, format, status, counts, packages: report.summary.packages,
      scripts: report.summary.installScripts.length });
  }
}

// One row a project, one cell a format: exit code, then critical/high/medium/low/info after the policy
const out = [];
out.push(`| project | ${formats.map((f) => `${f}: packages (install scripts), exit, C/H/M/L/I`).join(" | ")} |`);
out.push(`|---|${formats.map(() => "---").join("|")}|`);
for (const project of projects) {
  const cells = formats.map((format) => {
    const r = rows.find((x) => x.project === project && x.format === format);
    return r.counts ? `${r.packages} (${r.scripts}), ${r.status}, ` + SEVERITIES.map((s) => r.counts[s]).join("/") : r.status;
  });
  out.push(`| ${project} | ${cells.join(" | ")} |`);
}
const scanned = rows.filter((r) => r.counts);
const passed = scanned.filter((r) => r.status === "0").length;
const sum = (s) => scanned.reduce((n, r) => n + r.counts[s], 0);
out.push("");
out.push(`${scanned.length} lockfiles scanned (${rows.length - scanned.length} not locked or not scanned), `
  + `${passed} passed; findings: ` + SEVERITIES.map((s) => `${sum(s)} ${s}`).join(", ")
  + `; medium per lockfile on average: ${scanned.length ? (sum("medium") / scanned.length).toFixed(2) : "-"}.`);
out.push("");
out.push("Medium and worse, by rule: " + ([...byRule].sort().map(([k, n]) => `${k} ×${n}`).join(", ") || "none") + ".");
out.push("");
out.push("High and critical findings:");
out.push("");
if (serious.length === 0) out.push("none");
for (const f of serious) {
  out.push(`- ${f.project} (${f.format}) ${f.severity} ${f.rule}` + (f.package ? ` ${f.package}@${f.version}` : "")
    + `: ${f.message}`);
}
process.stdout.write(out.join("\n") + "\n");
