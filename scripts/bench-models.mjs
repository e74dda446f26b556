// Models benchmark: imports a dataset through the production build in headless Chromium, then from a
// harness page of the same origin trains and evaluates recommenders in the app's compute worker on
// the chosen TF.js backend, measures that backend's matmul GFLOP/s, and times top-10 for every user.
// Prints one JSON object on stdout (progress on stderr). Usage and fields: scripts/README.md.
import { cliOptions } from './bench/cli.mjs';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { withHarnessServer } from './bench/harness.mjs';
import { USAGE, parseCli } from './bench/models/cli.mjs';
import { modelsReport } from './bench/models/report.mjs';
import { runModels } from './bench/models/run.mjs';

/** Progress line on stderr. */
const log = (msg) => console.error(`[bench:models] ${msg}`);

/** Parses the command line, prepares the builds, runs the one run, prints the report. */
async function main() {
  const opts = cliOptions(parseCli, USAGE);
  if (!opts) return;
  const loadBefore = loadavg()[0];
  const { build, result: run } = await withHarnessServer('models', opts.build, log, (origin) => runModels(opts, origin, log));
  const env = {
    build, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
    // Other work on the machine skews every timing: the 1-minute load average before and after the run.
    loadavg: [loadBefore, loadavg()[0]].map((x) => Math.round(x * 100) / 100),
  };
  const json = `${JSON.stringify(modelsReport({ opts, run, env }))}\n`;
  if (opts.out) writeFileSync(opts.out, json);
  process.stdout.write(json);
}

main().catch((e) => {
  console.error(`bench:models failed: ${e.message}`);
  process.exit(1);
});
