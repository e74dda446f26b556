// The one run of the models benchmark, in a fresh browser: the app imports the files, then the
// harness page (same origin, so the same IndexedDB) picks the TF.js backend and measures it, loads
// the dataset into the app's compute worker, trains and evaluates the models, and times top-10 for
// every user.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../../e2e/browser.ts';
import { importThroughApp, newAppContext } from '../app-run.mjs';
import { openHarness } from '../harness.mjs';

/** Flags added to the shared launch options: Chromium on Linux offers WebGPU only behind this one. */
const EXTRA_CHROMIUM_ARGS = ['--enable-unsafe-webgpu'];

/** Least time between two within-epoch progress lines on stderr, in ms. */
const PROGRESS_EVERY_MS = 15_000;

/** A progress sink for the harness's training updates: a stderr line per finished epoch and evaluation, and within long epochs every PROGRESS_EVERY_MS. */
function progressLogger(log) {
  let last = 0;
  return (u) => {
    const p = u.progress;
    const name = `${u.label} (${u.index + 1}/${u.total})`;
    if (u.phase === 'evaluate') return log(`${name}: evaluating…`);
    if (!p) return;
    if (p.fraction === 1) {
      const valid = p.valid?.hr10 === undefined ? '' : `, valid HR@10 ${p.valid.hr10.toFixed(4)}`;
      const speed = p.epochMs === undefined ? '' : `, ${Math.round(p.epochMs)} ms, ${Math.round(p.seqPerSec ?? 0)} seq/s`;
      return log(`${name}: epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(4)}${speed}${valid}`);
    }
    if (Date.now() - last < PROGRESS_EVERY_MS) return;
    last = Date.now();
    log(`${name}: epoch ${p.epoch}/${p.epochs} ${Math.round(p.fraction * 100)}%, loss ${p.loss.toFixed(4)}`);
  };
}

/**
 * Imports `opts.files` through the app (with `opts.preset` / `opts.mapping`), then on the stored
 * dataset: backend switch and self-test, load, `opts.request` trained and evaluated, one top-10
 * export. Resolves to the lot and the Chromium version.
 */
export async function runModels(opts, origin, log) {
  const base = chromiumLaunchOptions();
  const browser = await chromium.launch({ ...base, args: [...base.args, ...EXTRA_CHROMIUM_ARGS] });
  try {
    const context = await newAppContext(browser, origin);
    log('importing through the app…');
    const imported = await importThroughApp(context, opts.files, opts.preset, log, opts.mapping);
    const rows = imported.record.rows;
    log(`imported ${rows} rows in ${Math.round(imported.importMs)} ms (${imported.presetText})`);
    // Closing the app's page ends its own compute worker, which would hold the dataset and cores too.
    for (const p of context.pages()) await p.close();

    const { page } = await openHarness(context, 'models', `?id=${encodeURIComponent(imported.datasetId)}`, 'modelsBench', log);
    await page.exposeFunction('benchProgress', progressLogger(log));
    const runtime = await page.evaluate((b) => globalThis.modelsBench.runtime(b), opts.backend);
    const { info, selfTest } = runtime;
    if (opts.backend && info.name !== opts.backend) {
      throw new Error(`--backend ${opts.backend}: the compute worker started ${info.name} instead (available: ${info.available.map((c) => c.name).join(', ')})`);
    }
    log(`backend ${info.name} (${info.detail}${info.software ? ', software' : ''}): matmul ${selfTest.matmulGflops.toFixed(1)} GFLOP/s`);
    const loaded = await page.evaluate(() => globalThis.modelsBench.load());
    if (loaded.events !== rows) throw new Error(`the compute worker loaded ${loaded.events} events, the import stored ${rows}`);
    log(`loaded in ${Math.round(loaded.loadMs)} ms; training ${opts.request.models.join(', ')} (${opts.request.protocol}, ${opts.request.hyper.epochs} epochs)…`);
    const trained = await page.evaluate((req) => globalThis.modelsBench.train(req), opts.request);
    log(`trained in ${Math.round(trained.endAt - trained.startAt)} ms; best on validation: ${trained.answer.best}; top-10 for every user…`);
    const top10 = await page.evaluate(() => globalThis.modelsBench.top10());
    log(`top-10 for every user: ${Math.round(top10.ms)} ms (${top10.rows} rows)`);
    return { imported, runtime, loaded, trained, top10, chromium: browser.version() };
  } finally {
    await browser.close();
  }
}
