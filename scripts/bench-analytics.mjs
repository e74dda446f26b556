// Analytics benchmark: imports a dataset through the production build in headless Chromium, then
// times the app's compute worker on funnel, retention, paths and RFM queries from a harness page of
// the same origin, and checks the worker's memory across repeated queries. Prints one JSON object
// on stdout (progress on stderr). Usage and fields: scripts/README.md.
import { cliOptions } from './bench/cli.mjs';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { USAGE, parseCli } from './bench/analytics/cli.mjs';
import { analyticsReport } from './bench/analytics/report.mjs';
import { runOnce } from './bench/analytics/run.mjs';
import { withHarnessServer } from './bench/harness.mjs';
import { generatedClickstream } from './bench/prepare.mjs';

/** Progress line on stderr. */
const log = (msg) => console.error(`[bench:analytics] ${msg}`);

/** Parses the command line, prepares the builds and data, runs the runs one after another, prints the report. */
async function main() {
  const opts = cliOptions(parseCli, USAGE);
  if (!opts) return;
  if (opts.generate) opts.files = [generatedClickstream(opts.generate, log)];
  const loadBefore = loadavg()[0];
  const { build, result: runs } = await withHarnessServer('analytics', opts.build, log, async (origin) => {
    const out = [];
    // Sequential on purpose: the runs share two cores, and overlapping would distort every timing.
    for (let i = 1; i <= opts.runs; i++) out.push(await runOnce(i, opts, origin, log));
    return out;
  });
  const env = {
    build, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
    // Other work on the machine skews every timing: the 1-minute load average before and after the runs.
    loadavg: [loadBefore, loadavg()[0]].map((x) => Math.round(x * 100) / 100),
  };
  const json = `${JSON.stringify(analyticsReport({ files: opts.files, opts, runs, env }))}\n`;
  if (opts.out) writeFileSync(opts.out, json);
  process.stdout.write(json);
}

main().catch((e) => {
  console.error(`bench:analytics failed: ${e.message}`);
  process.exit(1);
});
