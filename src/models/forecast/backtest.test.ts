import { describe, expect, it } from 'vitest';
import { backtest, MIN_ORIGINS, originStep, planOrigins } from './backtest';
import type { Forecaster } from './forecaster';
import { seasonalNaive } from './models/seasonal-naive';

const weekly = (n: number) => Float64Array.from({ length: n }, (_, t) => [5, 9, 8, 7, 6, 3, 0][t % 7] as number);

describe('rolling origins', () => {
  it('ends the last horizon at the series end, steps back a quarter horizon, and keeps the minimum training span', () => {
    expect(originStep(28)).toBe(7);
    expect(planOrigins(200, 28, 14)).toEqual([123, 130, 137, 144, 151, 158, 165, 172]);
    // Too short for eight: as many as fit with 14 periods of training before the first.
    expect(planOrigins(70, 28, 14)).toEqual([14, 21, 28, 35, 42]);
    expect(planOrigins(60, 28, 14).length).toBeLessThan(MIN_ORIGINS);
  });

  it('scores every origin over the full horizon; a perfect seasonal model has MASE 0', async () => {
    const y = weekly(120);
    const origins = planOrigins(y.length, 28, 7);
    const bt = await backtest(y, 7, [seasonalNaive], { horizon: 28, origins });
    const run = bt.runs[0];
    expect(run?.forecasts.map((f) => f.length)).toEqual(origins.map(() => 28));
    expect(bt.actuals.at(-1)).toEqual(y.slice(92, 120));
    expect(run?.mase).toEqual(origins.map(() => 0));
    expect(run?.meanSmape).toBe(0);
  });

  it('never lets a model see data at or after its origin', async () => {
    const y = Float64Array.from({ length: 100 }, (_, t) => Math.sin(t) * 10 + t);
    const promo = Uint8Array.from({ length: 100 }, (_, t) => (t % 5 === 0 ? 1 : 0));
    const seen: { n: number; bytes: number; promo: number; future: number[] }[] = [];
    // A cheat: it reads whatever lies past its history in the underlying buffer and returns that.
    const cheat: Forecaster = {
      id: 'cheat', label: 'Cheat', minHistory: () => 1,
      fit(hist, _m, p) {
        const all = new Float64Array(hist.buffer);
        return {
          forecast(h, future) {
            seen.push({ n: hist.length, bytes: hist.buffer.byteLength, promo: p?.length ?? -1, future: [...(future ?? [])] });
            return Float64Array.from({ length: h }, (_, k) => all[hist.length + k] ?? 0);
          },
        };
      },
    };
    const origins = planOrigins(100, 10, 20);
    const bt = await backtest(y, 1, [cheat], { horizon: 10, origins, promo });
    expect(seen.map((s) => s.n)).toEqual(origins);
    expect(seen.map((s) => s.bytes)).toEqual(origins.map((o) => o * 8));
    expect(seen.map((s) => s.promo)).toEqual(origins);
    // The horizon's promotion flags are known in advance, so the model may have them.
    expect(seen[0]?.future).toEqual([...promo.slice(origins[0], (origins[0] as number) + 10)]);
    expect(Math.min(...(bt.runs[0]?.mase ?? []))).toBeGreaterThan(1);
  });

  it('skips models that need more history than the first origin offers, or that fail', async () => {
    const failing: Forecaster = { id: 'boom', label: 'Boom', minHistory: () => 1, fit: () => Promise.reject(new Error('no convergence')) };
    const greedy: Forecaster = { ...seasonalNaive, id: 'greedy', minHistory: () => 500 };
    const bt = await backtest(weekly(100), 7, [failing, greedy], { horizon: 7, origins: planOrigins(100, 7, 14) });
    expect(bt.runs).toEqual([]);
    expect(bt.skipped.map((s) => [s.id, s.reason])).toEqual([['boom', 'no convergence'], ['greedy', expect.stringMatching(/needs 500 periods/)]]);
  });
});
