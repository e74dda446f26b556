// Ingest benchmark: imports files through the production build's own import path in headless
// Chromium, times it against DuckDB-WASM loading the same files, reopens the stored dataset, and
// prints one JSON object on stdout (progress on stderr). Usage and fields: scripts/README.md.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromiumLaunchOptions } from '../e2e/browser.ts';
import { runAppImport } from './bench/app-run.mjs';
import { USAGE, parseCli, cliOptions } from './bench/cli.mjs';
import { runDuckdb } from './bench/duckdb-run.mjs';
import { ensureBuild, generatedClickstream, snapshotDist } from './bench/prepare.mjs';
import { finalReport, runSummary } from './bench/report.mjs';
import { startServer } from './bench/server.mjs';

/** Progress line on stderr. */
const log = (msg) => console.error(`[bench] ${msg}`);

/** One run in a fresh browser: the app's import and reopen, then DuckDB-WASM on the same files. */
async function runOnce(i, opts, origin) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    log(`run ${i}: importing through the app…`);
    const app = await runAppImport(browser, origin, opts.files, opts.preset, log);
    log(`run ${i}: import ${Math.round(app.importMs)} ms (${app.record.rows} rows), open ${Math.round(app.openMs)} ms`);
    let duck = {};
    if (opts.duckdb) {
      log(`run ${i}: DuckDB-WASM…`);
      try {
        duck = await runDuckdb(browser, origin, opts.files, log);
        log(`run ${i}: DuckDB init ${Math.round(duck.duckdbInitMs)} ms, load ${Math.round(duck.duckdbMs)} ms (${duck.duckdbRows} rows)`);
      } catch (e) {
        log(`run ${i}: DuckDB failed: ${e.message}`);
        duck = { duckdbError: e.message.split('\n')[0] };
      }
    }
    return { app, duck, version: browser.version() };
  } finally {
    await browser.close();
  }
}

/** Parses the command line, prepares build and data, runs the runs one after another, prints the report. */
async function main() {
  const opts = cliOptions(parseCli, USAGE);
  if (!opts) return;
  const build = opts.dist ? { dist: opts.dist } : ensureBuild(opts.build, log);
  if (opts.generate) opts.files = [generatedClickstream(opts.generate, log)];
  const loadBefore = loadavg()[0];
  const app = snapshotDist(opts.dist);
  const server = await startServer(app.dir);
  try {
    const results = [];
    // Sequential on purpose: the runs share two cores, and overlapping would distort every timing.
    for (let i = 1; i <= opts.runs; i++) results.push(await runOnce(i, opts, server.origin));
    const first = results[0].duck;
    const duckdb = first.duckdbBundle ? { bundle: first.duckdbBundle, version: first.duckdbVersion, reader: first.duckdbReader } : null;
    const env = {
      build, chromium: results[0].version, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
      // Other work on the machine skews every timing: the 1-minute load average before and after the runs.
      loadavg: [loadBefore, loadavg()[0]].map((x) => Math.round(x * 100) / 100),
    };
    const report = finalReport({
      files: opts.files, preset: opts.preset, apps: results.map((r) => r.app), runs: results.map((r) => runSummary(r.app, r.duck)), duckdb, env,
    });
    const json = `${JSON.stringify(report)}\n`;
    if (opts.out) writeFileSync(opts.out, json);
    process.stdout.write(json);
  } finally {
    await server.close();
    app.remove();
  }
}

main().catch((e) => {
  console.error(`bench:ingest failed: ${e.message}`);
  process.exit(1);
});
