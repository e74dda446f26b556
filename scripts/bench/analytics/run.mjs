// One run of the analytics benchmark in a fresh browser: the app imports the files, then the harness
// page (same origin, so the same IndexedDB) drives the app's compute worker on the stored dataset,
// while the page's CDP session reads that worker's memory after forced garbage collections.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../../e2e/browser.ts';
import { COMPUTE_WORKER, importThroughApp, newAppContext } from '../app-run.mjs';
import { openHarness } from '../harness.mjs';

/** Longest wait for one CDP call on the worker (a full GC of a large heap). */
const GC_TIMEOUT_MS = 60_000;

const MB = 2 ** 20;

/**
 * The compute worker's memory in MB after forcing garbage collection in it: `usedMB` (V8 heap),
 * `backingMB` (ArrayBuffer backing stores, where Chromium reports them) and their sum `totalMB`.
 */
async function memoryAfterGc(workers) {
  const sessions = workers.sessions();
  if (sessions.length !== 1) throw new Error(`expected one compute worker on the harness page, found ${sessions.length}`);
  const [session] = sessions;
  // Twice, with a pause: ArrayBuffer backing stores are released by a sweeper after the collection.
  for (let i = 0; i < 2; i++) {
    if (!(await workers.call(session, 'HeapProfiler.collectGarbage', {}, GC_TIMEOUT_MS))) throw new Error('HeapProfiler.collectGarbage got no answer from the compute worker');
    await new Promise((done) => setTimeout(done, 200));
  }
  const r = await workers.call(session, 'Runtime.getHeapUsage', {}, GC_TIMEOUT_MS);
  if (!r) throw new Error('Runtime.getHeapUsage got no answer from the compute worker');
  const backing = r.backingStorageSize ?? 0;
  return { usedMB: r.usedSize / MB, backingMB: backing / MB, totalMB: (r.usedSize + backing) / MB, backingReported: r.backingStorageSize !== undefined };
}

/**
 * Imports `opts.files` through the app, then on the stored dataset: prepare (load, RFM at the end,
 * the 1-day funnel, one warm-up call per query), `opts.reps` timed calls per query, and the memory
 * test (GC + reading, `opts.rounds` rounds of the four queries, GC + reading). Resolves to the lot.
 */
export async function runOnce(i, opts, origin, log) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await newAppContext(browser, origin);
    log(`run ${i}: importing through the app…`);
    const imported = await importThroughApp(context, opts.files, opts.preset, log);
    const rows = imported.record.rows;
    log(`run ${i}: imported ${rows} rows in ${Math.round(imported.importMs)} ms`);
    // Closing the app's page ends its own compute worker, which holds the dataset too.
    for (const p of context.pages()) await p.close();

    const query = `?id=${encodeURIComponent(imported.datasetId)}`;
    const { page, workers } = await openHarness(context, 'analytics', query, 'analyticsBench', log, COMPUTE_WORKER);
    try {
      const prepared = await page.evaluate(() => globalThis.analyticsBench.prepare());
      if (prepared.events !== rows) throw new Error(`the compute worker loaded ${prepared.events} events, the import stored ${rows}`);
      log(`run ${i}: loaded in ${Math.round(prepared.loadMs)} ms; timing ${opts.reps} calls per query…`);
      const times = await page.evaluate((n) => globalThis.analyticsBench.time(n), opts.reps);
      const before = await memoryAfterGc(workers);
      log(`run ${i}: ${opts.rounds} rounds of the four queries…`);
      const repeatMs = await page.evaluate((n) => globalThis.analyticsBench.repeat(n), opts.rounds);
      const after = await memoryAfterGc(workers);
      log(`run ${i}: worker memory ${before.totalMB.toFixed(1)} → ${after.totalMB.toFixed(1)} MB`);
      return { rows, importMs: imported.importMs, preset: imported.record.preset, prepared, times, before, after, repeatMs, chromium: browser.version() };
    } finally {
      await workers.detach();
    }
  } finally {
    await browser.close();
  }
}
