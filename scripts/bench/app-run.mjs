// The app side of one benchmark run: import files through the app's own file chooser and mapping
// dialog in a fresh browser context, then reopen the stored dataset in a new page.
import { FIELD_LABELS } from '../../src/lib/canonical.ts';
import { browserCpu, cpuSpent } from './cpu.mjs';
import { benchInit, datasetRecord, dialogReady, kpiTexts, lastClickAt, longTaskPhases, overviewShown, pageNow, serviceWorkerReady, watchFor } from './page-probes.mjs';
import { expectedPresetText } from './presets.mjs';
import { sampleWorkerHeap } from './worker-heap.mjs';

/** Longest wait for any one step (inspect, import, open), in ms. */
const STEP_TIMEOUT_MS = 15 * 60_000;

/** Script URL fragment of the app's compute worker (the Vite chunk is `assets/compute.worker-<hash>.js`). */
export const COMPUTE_WORKER = 'compute.worker';

/** Waits for `probe` (a page-probes function) to return a value, with the time of the frame that shows it (watchFor); throws on `{ error }`. */
async function waitFor(page, probe, arg) {
  const value = await page.evaluate(watchFor, [probe.toString(), arg ?? null, STEP_TIMEOUT_MS]);
  if (value.error) throw new Error(`the app reports: ${value.error}`);
  return value;
}

/** Mapping of a stored dataset as canonical field → source column name, plus its parse options. */
function namedMapping(record) {
  const columns = Object.entries(record.mapping.columns).map(([field, i]) => [field, record.header[i] ?? `#${i}`]);
  return { ...record.mapping, columns: Object.fromEntries(columns) };
}

/**
 * Sets the import dialog's column pickers (comboboxes named "<Field label> column") from `mapping`:
 * canonical field → source column name, or null for "— none —". Throws, listing the choices, when a
 * column is not in the file.
 */
async function applyMapping(dialog, mapping) {
  for (const [field, column] of Object.entries(mapping)) {
    const picker = dialog.getByRole('combobox', { name: `${FIELD_LABELS[field]} column`, exact: true });
    const choices = (await picker.locator('option').allTextContents()).slice(1);
    if (column !== null && !choices.includes(column)) throw new Error(`--mapping ${field}: no column "${column}" in the file (columns: ${choices.join(', ')})`);
    await picker.selectOption(column === null ? { value: '' } : { label: column });
  }
}

/** Throws unless the stored dataset maps every field of `mapping` (canonical field → column name or null) as asked. */
function checkMapping(record, mapping) {
  const stored = namedMapping(record).columns;
  for (const [field, column] of Object.entries(mapping)) {
    if ((stored[field] ?? null) !== column) throw new Error(`--mapping ${field}: the dataset was stored with "${stored[field] ?? 'none'}", not "${column ?? 'none'}"`);
  }
}

/** A fresh browser context (empty IndexedDB) on the app at `origin`, with the bench init script installed. */
export async function newAppContext(browser, origin) {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 860 } });
  await context.addInitScript(benchInit);
  return context;
}

/**
 * Imports `files` through the app in a new page of `context`, until the overview of the new dataset
 * shows. With `preset`, the dialog must show that preset or the import fails. With `mapping`
 * (canonical field → source column name, null for none), the dialog's pickers are set to it before
 * Import (untimed) and the stored dataset must follow it. Resolves to the dataset id, the timings,
 * the KPI tile texts and the stored dataset record.
 */
export async function importThroughApp(context, files, preset, log, mapping = {}) {
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto('/#/');
  // Let the service worker finish precaching first, so its downloads do not overlap the import.
  await page.evaluate(serviceWorkerReady, 10_000);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data' }).click();
  // Every phase is timed on the page's clock: handing the files over → dialog ready (inspect),
  // Import click → the app routes to the new dataset (ingest), → KPI tiles show (overview).
  const start = await page.evaluate(pageNow);
  const cpuBefore = browserCpu();
  await (await chooser).setFiles(files);
  const dialog = await waitFor(page, dialogReady);
  if (preset && dialog.preset !== expectedPresetText(preset)) {
    throw new Error(`--preset ${preset}: the import dialog shows "${dialog.preset}", expected "${expectedPresetText(preset)}"`);
  }
  const importDialog = page.getByRole('dialog', { name: 'Import' });
  await applyMapping(importDialog, mapping);
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  const shown = await waitFor(page, overviewShown, null);
  const cpu = cpuSpent(cpuBefore, browserCpu());
  const clickAt = await page.evaluate(lastClickAt);
  const phases = { inspectMs: dialog.at - start, ingestMs: shown.routeAt - clickAt, overviewMs: shown.at - shown.routeAt };
  // The gap between the dialog being ready and the click is the benchmark reading the dialog: not timed.
  const [inspect, , ingest, overview] = await page.evaluate(longTaskPhases, [start, dialog.at, clickAt, shown.routeAt, shown.at]);
  const longTasks = { inspect, ingest, overview, longest: Math.max(inspect.longest, ingest.longest, overview.longest) };

  const datasetId = /#\/d\/([^/?]+)/.exec(page.url())?.[1];
  if (!datasetId) throw new Error(`no dataset id in the URL after import: ${page.url()}`);
  const kpis = await page.evaluate(kpiTexts);
  const record = await page.evaluate(datasetRecord, datasetId);
  if (record?.status !== 'complete') throw new Error(`dataset ${datasetId} is not complete after import: ${record?.status}`);
  checkMapping(record, mapping);
  const importMs = phases.inspectMs + phases.ingestMs + phases.overviewMs;
  return { datasetId, presetText: dialog.preset, importMs, phases, longTasks, cpu, kpis, record, mapping: namedMapping(record) };
}

/**
 * Imports `files` in a fresh context and reopens the dataset in a second page of that context.
 * With `preset`, the dialog must show that preset or the run fails. Resolves to the run's timings,
 * the KPI tile texts and the stored dataset record.
 */
export async function runAppImport(browser, origin, files, preset, log) {
  const context = await newAppContext(browser, origin);
  try {
    const imported = await importThroughApp(context, files, preset, log);
    const open = await openStored(context, imported.datasetId, imported.kpis.events, log);
    return { ...imported, ...open };
  } finally {
    await context.close();
  }
}

/** Opens `/#/d/<id>` in a new page, sampling the compute worker's heap, until kpi-events reads `events`. */
async function openStored(context, datasetId, events, log) {
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error (open): ${e.message}`));
  const heap = await sampleWorkerHeap(page, COMPUTE_WORKER);
  try {
    await page.goto(`/#/d/${datasetId}`, { waitUntil: 'commit' });
    // Page time is counted from the navigation's start, so this is the open time as the user sees it.
    const { at } = await waitFor(page, overviewShown, events);
    return { openMs: at, heap: await heap.stop() };
  } catch (e) {
    await heap.stop();
    throw e;
  }
}
