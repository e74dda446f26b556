// Turns the per-run measurements into the one JSON object the benchmark prints.
import { basename } from 'node:path';
import { statSync } from 'node:fs';

/** Median of the finite numbers in `xs`, or null when there are none. */
export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Rounds to `digits` decimals, keeping null. */
export const round = (x, digits = 0) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** "1,234.50" / "4.28%" / "—" → number (null when not a number). */
function parseFigure(text) {
  const n = Number(String(text ?? '').replace(/[,%\s]/g, ''));
  return Number.isFinite(n) && /\d/.test(String(text)) ? n : null;
}

/** The timings of one run, rounded, as reported under `runs`. */
export function runSummary(app, duck) {
  const duckdbMs = duck.duckdbMs ?? null;
  const lt = app.longTasks;
  return {
    importMs: round(app.importMs),
    storedMs: round(app.phases.inspectMs + app.phases.ingestMs),
    inspectMs: round(app.phases.inspectMs),
    ingestMs: round(app.phases.ingestMs),
    overviewMs: round(app.phases.overviewMs),
    workerImportMs: round(app.record.importMs),
    duckdbInitMs: round(duck.duckdbInitMs ?? null),
    duckdbMs: round(duckdbMs),
    duckdbRows: duck.duckdbRows ?? null,
    ...(duck.duckdbError ? { duckdbError: duck.duckdbError } : {}),
    ratio: duckdbMs ? round(app.importMs / duckdbMs, 2) : null,
    storedRatio: duckdbMs ? round((app.phases.inspectMs + app.phases.ingestMs) / duckdbMs, 2) : null,
    openMs: round(app.openMs),
    cpuMs: app.cpu?.totalMs ?? null,
    cpu: app.cpu?.groups ?? null,
    longestTaskMs: round(lt.longest),
    longTasks: Object.fromEntries(['inspect', 'ingest', 'overview'].map((p) => [p, { count: lt[p].count, longestMs: round(lt[p].longest) }])),
    workerHeapMB: round(app.heap.usedMB, 1),
    workerBackingMB: round(app.heap.backingMB, 1),
    workerTotalMB: round(app.heap.totalMB, 1),
    heapSamples: app.heap.samples,
  };
}

/** The final object: inputs, what was imported (first run), KPI figures, medians (ratio = median importMs ÷ median duckdbMs) and per-run timings. */
export function finalReport({ files, preset, apps, runs, duckdb, env }) {
  const first = apps[0];
  const k = first.kpis;
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const med = (key, digits = 0) => round(median(runs.map((r) => r[key])), digits);
  const importMs = med('importMs');
  const duckdbMs = med('duckdbMs');
  return {
    files: files.map((f) => ({ name: basename(f), path: f, bytes: statSync(f).size })),
    bytes,
    runCount: runs.length,
    requestedPreset: preset ?? null,
    preset: first.record.preset,
    presetText: first.presetText,
    mapping: first.record.preset === 'guess' ? first.mapping : { columns: first.mapping.columns, timeFormat: first.mapping.timeFormat },
    rows: first.record.rows,
    rejected: first.record.rowsRejected,
    linesRead: first.record.rowsRead,
    ...(first.record.rowsRejected > 0 ? { rejectedReasons: first.record.reasonCounts } : {}),
    storedMB: round(first.record.bytes / 2 ** 20, 1),
    events: parseFigure(k.events),
    users: parseFigure(k.users),
    sessions: parseFigure(k.sessions),
    items: parseFigure(k.items),
    orders: parseFigure(k.orders),
    netRevenue: parseFigure(k.revenue),
    aov: parseFigure(k.aov),
    conversionPct: parseFigure(k.conversion),
    figuresStable: apps.every((a) => JSON.stringify(a.kpis) === JSON.stringify(k)),
    importMs,
    storedMs: med('storedMs'),
    inspectMs: med('inspectMs'),
    ingestMs: med('ingestMs'),
    overviewMs: med('overviewMs'),
    workerImportMs: med('workerImportMs'),
    importMBps: importMs ? round(bytes / 2 ** 20 / (importMs / 1000), 1) : null,
    duckdbInitMs: med('duckdbInitMs'),
    duckdbMs,
    duckdbRows: runs[0].duckdbRows,
    ratio: importMs && duckdbMs ? round(importMs / duckdbMs, 2) : null,
    storedRatio: duckdbMs && med('storedMs') ? round(med('storedMs') / duckdbMs, 2) : null,
    openMs: med('openMs'),
    cpuMs: med('cpuMs'),
    longestTaskMs: med('longestTaskMs'),
    workerHeapMB: med('workerHeapMB', 1),
    workerBackingMB: med('workerBackingMB', 1),
    workerTotalMB: med('workerTotalMB', 1),
    duckdb,
    env,
    runs,
  };
}
