// The forecast of Online Retail's daily net revenue through the app's import path and the worker's
// forecast query: the chosen model must beat the seasonal naive with honest 95% bands.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { currentBackend } from '../models/runtime/backends';
import { openDb } from '../storage/db';
import { loadDataset } from './dataset-loader';
import { runForecastQuery, type ForecastRequest } from './forecasting';
import { dataFile, importFile } from './real-data.test-util';

// The app points TF.js at its bundled .wasm URLs, which Node cannot open; without them
// tfjs-backend-wasm loads its binaries from node_modules, so the LSTM runs on WASM as in the app.
vi.mock('../models/runtime/wasm-paths', () => ({ configureWasmPaths: () => undefined }));

describe('forecasting online-retail', () => {
  it('beats the seasonal naive on daily net revenue, with honest bands, and remembers the last forecast', async () => {
    const db = openDb(`fc-${crypto.randomUUID()}`);
    const { id } = await importFile(db, dataFile('online-retail.csv.gz'));
    const d = await loadDataset(db, id);
    const req: ForecastRequest = { target: 'revenue', freq: 'day', horizon: 28, scope: null, promoDays: [] };
    const a = await runForecastQuery(db, id, d, req);
    const byId = Object.fromEntries(a.report.models.map((m) => [m.id, m]));
    console.table(a.report.models.map((m) => ({ model: m.id, mase: m.mase.toFixed(3), smape: m.smape.toFixed(1), fitMs: Math.round(m.fitMs), backtestMs: Math.round(m.backtestMs), cov80: m.coverage80.toFixed(3), cov95: m.coverage95.toFixed(3) })));
    console.info(`forecast on ${currentBackend()?.name}: ${Math.round(a.ms)} ms in all, chosen ${a.report.chosen}; LSTM: ${byId['lstm']?.detail}`);
    expect(currentBackend()?.name).toBe('wasm');
    expect(Number.isFinite(byId['lstm']?.mase)).toBe(true);
    expect(a.ms).toBeLessThan(20_000);
    expect(a.history.dates[0]).toBe('2010-12-01');
    expect(a.report.dates[0]).toBe('2011-12-10');
    expect(a.report.dates).toHaveLength(28);
    expect(a.report.backtest.origins.length).toBeGreaterThanOrEqual(4);
    expect(byId[a.report.chosen]?.mase).toBeLessThan(byId['seasonal-naive']?.mase ?? 0);
    expect(a.report.coverage95).toBeGreaterThanOrEqual(0.9);
    expect(a.report.coverage95).toBeLessThanOrEqual(0.99);
    for (const m of a.report.models) expect(m.upper95.every((u, k) => u >= (m.upper80[k] as number) && (m.forecast[k] as number) >= (m.lower80[k] as number))).toBe(true);
    expect(a.previous).toBeNull();

    const again = await runForecastQuery(db, id, d, req);
    expect(again.previous?.chosen).toBe(a.report.chosen);

    const weekly = await runForecastQuery(db, id, d, { ...req, freq: 'week', horizon: 4 });
    expect(weekly.report.dates[0]).toBe('2011-12-05');
    expect(weekly.previous).toBeNull();
  }, 120_000);

  it('says how much history is needed when the series is too short', async () => {
    const db = openDb(`fc-${crypto.randomUUID()}`);
    const { id } = await importFile(db, dataFile('rees46-2019-oct-head.csv'));
    const d = await loadDataset(db, id);
    await expect(runForecastQuery(db, id, d, { target: 'revenue', freq: 'day', horizon: 28, scope: null, promoDays: [] })).rejects.toThrow(/needs at least \d+ days of history.*This series has 1 day/);
  });
});
