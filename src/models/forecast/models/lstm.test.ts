import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/random';
import { runForecast } from '../forecast';
import { tooShort } from '../requirements';
import type { Series } from '../series';
import { lstmForecaster } from './lstm';

const WEEK = [1.3, 1.2, 1, 1, 0.9, 1.4, 0.2];
const PROMO_LIFT = 0.8;

/** Daily sales with a weekly pattern, a trend, noise, and +80% on promotion days (every 9th day, so on every weekday in turn). */
function shop(n: number, seed = 7): Series {
  const rng = createRng(seed);
  const promo = Uint8Array.from({ length: n }, (_, t) => (t % 9 === 4 ? 1 : 0));
  const values = Float64Array.from({ length: n }, (_, t) => (100 + 0.3 * t) * (WEEK[t % 7] as number) * (1 + PROMO_LIFT * (promo[t] as number)) + 5 * rng.normal());
  return { start: '2024-01-01', freq: 'day', values, promo };
}

const quick = { cold: { epochs: 5, patience: 5, learningRate: 0.01 }, warm: { epochs: 2, patience: 2, learningRate: 0.005 } };

describe.each(['cpu', 'wasm'])('LSTM forecaster on %s', (backend) => {
  it('raises the forecast of a future promotion day only, repeats itself with the same seed, and leaks no tensors', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const s = shop(260), before = tf.memory().numTensors;
    const model = lstmForecaster({ start: s.start, freq: s.freq });
    const fitted = await model.fit(s.values, 7, s.promo);
    const future = new Uint8Array(28);
    future[10] = 1; // a Thursday, 2024-09-26
    const plain = await fitted.forecast(28, new Uint8Array(28));
    const promoted = await fitted.forecast(28, future);
    expect(promoted[10]).toBeGreaterThan(1.3 * (plain[10] as number));
    // The head answers each horizon step from its own features: the flag moves no other day.
    expect([...promoted].filter((_, k) => k !== 10)).toEqual([...plain].filter((_, k) => k !== 10));
    expect(plain.every(Number.isFinite)).toBe(true);

    // Refitting the same history (here on the same instance: a cold start, not a warm one) repeats it exactly.
    const refit = await model.fit(s.values, 7, s.promo);
    expect(refit.detail).toMatch(/cold start/);
    expect([...(await refit.forecast(28, future))]).toEqual([...promoted]);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});

describe('LSTM forecaster', () => {
  it('beats the seasonal naive in the backtest, is chosen and joins the ensemble', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const s = shop(300), before = tf.memory().numTensors;
    const future = new Uint8Array(28);
    future[3] = 1;
    const report = await runForecast(s, { futurePromo: future, extra: [lstmForecaster({ start: s.start, freq: s.freq })] });
    const byId = Object.fromEntries(report.models.map((m) => [m.id, m]));
    const lstm = byId['lstm'];
    console.table(report.models.map((m) => ({ model: m.id, mase: m.mase.toFixed(3), smape: m.smape.toFixed(1), fitMs: Math.round(m.fitMs), backtestMs: Math.round(m.backtestMs) })));
    expect(lstm?.mase).toBeLessThan(byId['seasonal-naive']?.mase ?? 0);
    expect(lstm?.mase).toBeLessThan(0.5);
    expect(report.chosen).toBe('lstm');
    expect(byId['ensemble']?.detail).toMatch(/lstm/);
    // It handles promotions itself, so no additive effect is put on top, and it warm-starts the later fits.
    expect(lstm?.detail).not.toMatch(/promotion effect/);
    expect(lstm?.detail).toMatch(/warm start/);
    expect((lstm?.forecast[3] as number) / (lstm?.forecast[10] as number)).toBeGreaterThan(1.4); // both Thursdays
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('warm-starts only from a history the new one extends', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const s = shop(260);
    const model = lstmForecaster({ start: s.start, freq: s.freq }, quick);
    expect((await model.fit(s.values.slice(0, 250), 7, s.promo?.slice(0, 250))).detail).toMatch(/cold start/);
    expect((await model.fit(s.values, 7, s.promo)).detail).toMatch(/warm start/);
    const changed = s.values.slice();
    changed[3] = 0;
    expect((await model.fit(changed.slice(0, 255), 7, s.promo?.slice(0, 255))).detail).toMatch(/cold start/);
    const flags = s.promo?.slice() as Uint8Array;
    flags[0] = 1;
    expect((await model.fit(changed, 7, flags)).detail).toMatch(/cold start/);
    // Another instance with the same seed gives the same forecast.
    const a = await (await lstmForecaster({ start: s.start, freq: s.freq }, quick).fit(s.values, 7, s.promo)).forecast(28);
    const b = await (await lstmForecaster({ start: s.start, freq: s.freq }, quick).fit(s.values, 7, s.promo)).forecast(28);
    expect([...a]).toEqual([...b]);
    const other = await (await lstmForecaster({ start: s.start, freq: s.freq }, { ...quick, seed: 2 }).fit(s.values, 7, s.promo)).forecast(28);
    expect([...other]).not.toEqual([...a]);
  }, 60_000);

  it('answers horizons longer than its head in chunks, and weekly series', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const s = shop(260);
    const short = await lstmForecaster({ start: s.start, freq: s.freq }, { ...quick, horizon: 7 }).fit(s.values, 7, s.promo);
    const long = await short.forecast(20);
    expect(long).toHaveLength(20);
    expect(long.every(Number.isFinite)).toBe(true);
    expect([...(await short.forecast(5))]).toEqual([...long.slice(0, 5)]);

    const weeks = Float64Array.from({ length: 60 }, (_, t) => 700 + 5 * t + 30 * Math.sin(t));
    const weekly = await lstmForecaster({ start: '2024-01-01', freq: 'week' }, quick).fit(weeks, 1);
    const f = await weekly.forecast(4);
    expect(f).toHaveLength(4);
    f.forEach((v) => expect(v).toBeGreaterThan(500));
  }, 60_000);

  it('says how much history it needs, and is skipped (with the reason) on shorter series', async () => {
    const s = shop(200);
    const model = lstmForecaster({ start: s.start, freq: s.freq });
    expect(model.minHistory(7, 28)).toBe(182);
    expect(tooShort(s, 28, model)).toBe('LSTM needs at least 231 days of history: a 56-day window, 112 training origins and a 14-day ' +
      'validation tail (182 days) to fit, then 4 backtest windows of the 28 days horizon, 7 days apart (49 days). This series has 200 days.');
    await expect(model.fit(s.values.slice(0, 150), 7)).rejects.toThrow(/needs 182 periods, got 150/);
    const report = await runForecast(s, { extra: [model] });
    expect(report.models.map((m) => m.id)).not.toContain('lstm');
    expect(report.skipped.find((x) => x.id === 'lstm')?.reason).toMatch(/needs at least 231 days/);
  });
});
