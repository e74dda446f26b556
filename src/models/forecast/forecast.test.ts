import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/random';
import { promoEffect } from './adjust';
import { ForecastError, runForecast } from './forecast';
import type { Forecaster } from './forecaster';
import { holtWinters } from './models/holt-winters';
import { seasonalNaive } from './models/seasonal-naive';
import { tooShort } from './requirements';
import type { Series } from './series';

const WEEK = [1.3, 1.2, 1, 1, 0.9, 1.4, 0.2];
function shop(n: number, seed = 1, promoEvery = 0): Series {
  const rng = createRng(seed);
  const promo = Uint8Array.from({ length: n }, (_, t) => (promoEvery && t % promoEvery === 3 ? 1 : 0));
  const values = Float64Array.from({ length: n }, (_, t) => 100 * (WEEK[t % 7] as number) + 4 * rng.normal() + 60 * (promo[t] as number));
  return { start: '2024-01-01', freq: 'day', values, ...(promoEvery ? { promo } : {}) };
}

describe('too-short histories', () => {
  it('says how much history each model needs and how much there is', async () => {
    const s = shop(10);
    expect(tooShort(s, 28, holtWinters)).toBe('Holt–Winters needs at least 63 days of history: 2 full seasons (14 days) to fit, ' +
      'then 4 backtest windows of the 28 days horizon, 7 days apart (49 days). This series has 10 days.');
    expect(tooShort(s, 28)).toMatch(/^Seasonal naive needs at least 56 days .*one full season \(7 days\)/);
    await expect(runForecast(s)).rejects.toThrow(ForecastError);
    await expect(runForecast(s)).rejects.toThrow(/needs at least 56 days .* has 10 days/);
    await expect(runForecast(shop(100), { horizon: 0 })).rejects.toThrow(/whole number/);
  });

  it('runs the models that fit and lists the others with the reason', async () => {
    const report = await runForecast(shop(60));
    expect(report.models.map((r) => r.id)).toEqual(['seasonal-naive']);
    expect(report.skipped.map((x) => x.id)).toEqual(['holt-winters', 'theta']);
    expect(report.skipped[0]?.reason).toMatch(/needs at least 63 days .* has 60 days/);
  });

  it('forecasts short weekly series without yearly seasonality, and says so', async () => {
    const rng = createRng(3);
    const values = Float64Array.from({ length: 60 }, (_, t) => 700 + 5 * t + 20 * rng.normal());
    const report = await runForecast({ start: '2024-01-01', freq: 'week', values });
    expect(report.seasonLength).toBe(1);
    expect(report.horizon).toBe(4);
    expect(report.notes[0]).toMatch(/Yearly seasonality needs 111 weeks .* has 60/);
    expect(report.dates).toEqual(['2025-02-24', '2025-03-03', '2025-03-10', '2025-03-17']);
  });
});

describe('runForecast', () => {
  it('reports every model with bands, the backtest overlay, and the best MASE as chosen', async () => {
    const report = await runForecast(shop(200));
    expect(report.models.map((r) => r.id)).toEqual(['seasonal-naive', 'holt-winters', 'theta', 'ensemble']);
    const best = Math.min(...report.models.map((r) => r.mase));
    expect(report.models.find((r) => r.id === report.chosen)?.mase).toBe(best);
    expect(report.backtest.origins).toHaveLength(8);
    expect(report.backtest.origins.at(-1)).toBe('2024-06-21'); // 200 − 28 days after the start
    expect(report.backtest.byModel['theta']).toHaveLength(8);
    expect(report.dates[0]).toBe('2024-07-19');
    for (const r of report.models) {
      expect(r.forecast).toHaveLength(28);
      r.forecast.forEach((f, k) => expect((r.lower95[k] as number) <= (r.lower80[k] as number) && f <= (r.upper80[k] as number) && (r.upper80[k] as number) <= (r.upper95[k] as number)).toBe(true));
    }
    // A clean weekly pattern: the smoothing models beat the naive clearly.
    expect(report.models.find((r) => r.id === 'holt-winters')?.mase).toBeLessThan(0.9 * (report.models[0]?.mase ?? 0));
  });

  it('runs only the models asked for, always with the baseline', async () => {
    const report = await runForecast(shop(120), { models: ['theta'] });
    expect(report.models.map((r) => r.id)).toEqual(['seasonal-naive', 'theta']);
  });

  it('takes an async, class-based model (the LSTM to come) as one more forecaster', async () => {
    const calls: number[] = [];
    class FakeLstm implements Forecaster {
      readonly id = 'lstm';
      readonly label = 'LSTM';
      minHistory(m: number, h: number) {
        return 4 * m + h;
      }
      async fit(y: Float64Array, m: number) {
        calls.push(y.length);
        const inner = await Promise.resolve(seasonalNaive.fit(y, m));
        return { forecast: async (h: number) => (await inner.forecast(h)).map((v) => v * 1.01) };
      }
    }
    const report = await runForecast(shop(200), { extra: [new FakeLstm()] });
    expect(report.models.map((r) => r.id)).toContain('lstm');
    expect(calls).toHaveLength(9); // 8 origins + the final fit
  });

  it('adds the promotion effect from past promotion days on future ones', async () => {
    const s = shop(210, 2, 10);
    const future = new Uint8Array(28);
    future[5] = 1;
    const plain = await runForecast(s, { models: ['theta'] });
    const promo = await runForecast(s, { models: ['theta'], futurePromo: future });
    const theta = (r: typeof plain) => r.models.find((x) => x.id === 'theta')?.forecast ?? [];
    const lift = (theta(promo)[5] as number) - (theta(plain)[5] as number);
    expect(lift).toBeGreaterThan(40);
    expect(lift).toBeLessThan(70);
    expect(theta(promo)[4]).toBe(theta(plain)[4]);
  });

  it('estimates the effect as the mean residual of past promotion days, once there are two', () => {
    const y = Float64Array.of(10, 30, 10, 25), fit = Float64Array.of(NaN, 10, 10, 10);
    expect(promoEffect(y, fit, Uint8Array.of(0, 1, 0, 1))).toBe(17.5);
    expect(promoEffect(y, fit, Uint8Array.of(0, 1, 0, 0))).toBe(0);
    expect(promoEffect(y, fit, Uint8Array.of(1, 0, 0, 1))).toBe(0); // the first has no fit
  });
});
