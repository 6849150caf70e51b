// js-x-ray (NodeSecure's JavaScript AST analyser) over the same benign packages as InspectThroughput, on the same
// number of threads (worker_threads), and over the malicious samples: the side-by-side for the tool a user would
// pick instead of Portcullis's package analysis. Run by bench-inspect.sh; prints Markdown and writes jsxray.json.
//
//   node jsxray-bench.mjs --jsxray DIR --unpacked DIR --malicious DIR --out DIR [--threads 2] [--rounds 3]
//                         [--file-timeout 60]
//
// js-x-ray analyses JavaScript files only (.js .mjs .cjs); the other files of a package (native binaries, .d.ts,
// maps, JSON) are not its input. Its throughput is reported both over the JavaScript it analysed and over the whole
// unpacked corpus, so that it compares with Portcullis's MB/s of all unpacked bytes (which also includes gunzip and
// untar, done here once beforehand by tar and not timed).
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const JS = /\.(c|m)?js$/;

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile()) out.push({ path: p, size: fs.statSync(p).size });
  }
  return out;
}

if (!isMainThread) {
  const { AstAnalyser } = await import(pathToFileURL(workerData.module).href);
  const analyser = new AstAnalyser();
  parentPort.on("message", (msg) => {
    if (msg === null) { process.exit(0); }
    let ok = true; let warnings = [];
    try {
      const report = analyser.analyseFileSync(msg.path, { packageName: msg.pkg });
      ok = report.ok;
      warnings = report.warnings.map((w) => w.kind);
    } catch (e) {
      ok = false;
      warnings = ["exception"];
    }
    parentPort.postMessage({ ok, warnings, size: msg.size, sample: msg.sample });
  });
} else {
  const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 === 0 ? acc.concat([[v.replace(/^--/, ""), a[i + 1]]]) : acc), []));
  const threads = Number(args.threads || 2);
  const rounds = Number(args.rounds || 3);
  const module = path.join(args.jsxray, "node_modules/@nodesecure/js-x-ray/dist/index.js");
  const version = JSON.parse(fs.readFileSync(path.join(args.jsxray, "node_modules/@nodesecure/js-x-ray/package.json"), "utf8")).version;

  // Runs every task on `threads` workers, largest first, each worker pulling the next task when done. A file that
  // takes longer than --file-timeout seconds (js-x-ray needs minutes for some 5-13 MB bundles) has its worker
  // terminated and replaced, and counts as timed out, so that one run stays bounded.
  const fileTimeout = Number(args["file-timeout"] || 60) * 1000;
  async function run(tasks) {
    tasks = [...tasks].sort((a, b) => b.size - a.size);
    const results = [];
    let next = 0;
    let done = 0;
    const lane = () => new Promise((resolve, reject) => {
      let worker = null;
      let timer = null;
      let current = null;
      const start = () => {
        worker = new Worker(new URL(import.meta.url), { workerData: { module } });
        worker.on("message", (r) => { clearTimeout(timer); results.push(r); progress(); feed(); });
        worker.on("error", reject);
        worker.on("online", feed);
      };
      const feed = () => {
        if (next >= tasks.length) { worker.postMessage(null); worker.on("exit", resolve); return; }
        current = tasks[next++];
        timer = setTimeout(() => {
          results.push({ ok: false, timedOut: true, warnings: [], size: current.size, sample: current.sample, path: current.path });
          progress();
          const old = worker; old.removeAllListeners(); old.terminate(); start();
        }, fileTimeout);
        worker.postMessage(current);
      };
      start();
    });
    const progress = () => { if (++done % 2000 === 0) console.error(`js-x-ray: ${done}/${tasks.length} files`); };
    await Promise.all(Array.from({ length: threads }, lane));
    return results;
  }

  const all = walk(args.unpacked, []);
  const totalBytes = all.reduce((s, f) => s + f.size, 0);
  const jsFiles = all.filter((f) => JS.test(f.path)).map((f) => ({ ...f, pkg: path.relative(args.unpacked, f.path).split(path.sep)[0] }));
  const jsBytes = jsFiles.reduce((s, f) => s + f.size, 0);
  const packages = fs.readdirSync(args.unpacked).length;
  console.error(`js-x-ray ${version}: ${packages} packages, ${jsFiles.length} JavaScript files, ${(jsBytes / 1e6).toFixed(1)} MB of JavaScript in ${(totalBytes / 1e6).toFixed(1)} MB unpacked`);

  const timings = [];
  let failed = 0;
  let timedOut = [];
  let skipped = 0; // bytes of timed-out files: not analysed, so not counted as throughput
  for (let r = 1; r <= rounds; r++) {
    const start = process.hrtime.bigint();
    const results = await run(jsFiles);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    failed = results.filter((x) => !x.ok && !x.timedOut).length;
    timedOut = results.filter((x) => x.timedOut);
    skipped = timedOut.reduce((s, f) => s + f.size, 0);
    timings.push(seconds);
    console.error(`js-x-ray round ${r}: ${seconds.toFixed(2)} s, ${((jsBytes - skipped) / 1e6 / seconds).toFixed(1)} MB/s of JavaScript, ${((totalBytes - skipped) / 1e6 / seconds).toFixed(1)} MB/s of the unpacked corpus`);
  }
  const median = [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)];

  // Detection on the malicious samples: which samples get any warning, and which kinds.
  const samples = fs.readdirSync(args.malicious, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const sampleTasks = [];
  for (const s of samples) {
    for (const f of walk(path.join(args.malicious, s), [])) {
      if (JS.test(f.path)) sampleTasks.push({ ...f, pkg: s, sample: s });
    }
  }
  const sampleResults = await run(sampleTasks);
  const bySample = Object.fromEntries(samples.map((s) => [s, new Set()]));
  for (const r of sampleResults) r.warnings.forEach((w) => bySample[r.sample].add(w));

  const md = [];
  md.push(`# js-x-ray ${version} side by side`, "");
  md.push(`${new Date().toISOString().slice(0, 19)}Z, Node ${process.version}, ${threads} worker threads. Same ${packages} packages as InspectThroughput, unpacked beforehand by tar (not timed).`, "");
  md.push("| measure | value |", "| --- | --- |");
  md.push(`| JavaScript files analysed | ${jsFiles.length} (${(jsBytes / 1e6).toFixed(1)} MB of ${(totalBytes / 1e6).toFixed(1)} MB unpacked) |`);
  md.push(`| files js-x-ray could not parse | ${failed} |`);
  md.push(`| files stopped after ${fileTimeout / 1000} s (counted in the wall time, not analysed) | ${timedOut.length} (${(timedOut.reduce((s, f) => s + f.size, 0) / 1e6).toFixed(1)} MB) |`);
  md.push(`| rounds (s) | ${timings.map((t) => t.toFixed(2)).join(", ")} |`);
  md.push(`| median throughput over the JavaScript analysed | ${((jsBytes - skipped) / 1e6 / median).toFixed(1)} MB/s |`);
  md.push(`| median throughput over the unpacked corpus (less timed-out files) | ${((totalBytes - skipped) / 1e6 / median).toFixed(1)} MB/s |`);
  md.push("", "## Malicious samples (JavaScript files only; manifests, shell and batch files are not js-x-ray's input)", "");
  md.push("| sample | js-x-ray warnings |", "| --- | --- |");
  let detected = 0;
  for (const s of samples) {
    const kinds = [...bySample[s]].sort();
    if (kinds.length) detected++;
    md.push(`| ${s} | ${kinds.length ? kinds.join(", ") : "—"} |`);
  }
  md.push("", `${detected} of ${samples.length} samples get at least one warning (js-x-ray has no verdict; any warning counted).`);
  console.log(md.join("\n"));
  fs.mkdirSync(args.out, { recursive: true });
  fs.writeFileSync(path.join(args.out, "jsxray.md"), md.join("\n") + "\n");
  fs.writeFileSync(path.join(args.out, "jsxray.json"), JSON.stringify({
    version, node: process.version, threads, packages, jsFiles: jsFiles.length, jsBytes, totalBytes, failed,
    roundsSeconds: timings, fileTimeoutSeconds: fileTimeout / 1000,
    timedOut: timedOut.map((f) => ({ path: path.relative(args.unpacked, f.path), bytes: f.size })), medianJsMBps: (jsBytes - skipped) / 1e6 / median, medianCorpusMBps: (totalBytes - skipped) / 1e6 / median,
    malicious: Object.fromEntries(samples.map((s) => [s, [...bySample[s]].sort()])), detected,
  }, null, 2) + "\n");
}
