// bench:forecast — the app's own import and forecast code on any export, in Node (fake IndexedDB):
//   npm run -s bench:forecast -- --file PATH [--preset NAME] [--target revenue|orders|units|users] [--freq day|week] [--horizon 28]
// Prints one JSON object: {target, freq, horizon, points, chosen, coverage80, coverage95, models: {NAME: {mase, smape, fitMs, backtestMs}}}.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../src/storage/db';
import { loadDataset } from '../src/workers/dataset-loader';
import { fileSource } from '../src/workers/file-source';
import { runForecastQuery, type ForecastRequest } from '../src/workers/forecasting';
import { runImport } from '../src/workers/import-job';
import { inspectFiles } from '../src/workers/inspect';

const { values: args } = parseArgs({
  options: {
    file: { type: 'string', multiple: true },
    preset: { type: 'string' },
    target: { type: 'string', default: 'revenue' },
    freq: { type: 'string', default: 'day' },
    horizon: { type: 'string' },
  },
});
const fail = (msg: string): never => {
  console.error(msg);
  process.exit(2);
};
const paths = args.file ?? fail('Give at least one --file PATH.');
const target = args.target as ForecastRequest['target'];
const freq = args.freq as ForecastRequest['freq'];
if (!['revenue', 'orders', 'units', 'users'].includes(target)) fail(`--target must be revenue, orders, units or users, not ${target}`);
if (!['day', 'week'].includes(freq)) fail(`--freq must be day or week, not ${freq}`);
const horizon = Number(args.horizon ?? (freq === 'day' ? 28 : 4));

const db = openDb('bench-forecast');
const files = paths.map((p) => new File([readFileSync(p)], basename(p)));
const t0 = performance.now();
const ins = await inspectFiles(db, files);
if (args.preset && ins.guess.preset !== args.preset) fail(`Expected preset ${args.preset}, but the file was recognised as ${ins.guess.preset} (${ins.guess.label}).`);
if (ins.guess.unresolved.length > 0) fail(`The mapping could not settle: ${ins.guess.unresolved.join(', ')}. Import it in the app to map the columns by hand.`);
const sources = files.map((f, i) => fileSource(f, ins.files[i]?.gzip ?? false, ins.info));
await runImport(db, { datasetId: 'bench', name: 'bench', header: ins.info.header, mapping: ins.guess.mapping, preset: ins.guess.preset }, sources, () => undefined);
const importMs = performance.now() - t0;
const d = await loadDataset(db, 'bench');
const a = await runForecastQuery(db, 'bench', d, { target, freq, horizon, scope: null, promoDays: [] });
const r = a.report;
console.log(JSON.stringify({
  file: paths, preset: ins.guess.preset, target, freq, horizon, points: a.history.values.length, chosen: r.chosen,
  coverage80: round(r.coverage80), coverage95: round(r.coverage95),
  models: Object.fromEntries(r.models.map((m) => [m.id, { mase: round(m.mase), smape: round(m.smape), fitMs: Math.round(m.fitMs), backtestMs: Math.round(m.backtestMs), coverage95: round(m.coverage95) }])),
  skipped: r.skipped, importMs: Math.round(importMs), forecastMs: Math.round(a.ms),
}));

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
