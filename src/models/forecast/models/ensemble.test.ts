import { describe, expect, it } from 'vitest';
import { score, type Backtest, type ModelBacktest } from '../backtest';
import { ensembleBacktest, medianOf } from './ensemble';

describe('ensemble', () => {
  it('takes the per-period median', () => {
    expect([...medianOf([[1, 5, 3], [2, 2, 2], [9, 0, 1]])]).toEqual([2, 2, 2]);
    expect([...medianOf([[1, 4], [3, 0]])]).toEqual([2, 2]);
  });

  it('picks members at each origin only from origins whose horizon had passed', () => {
    const y = Float64Array.from({ length: 22 }, (_, t) => (t % 2 ? 11 : 9));
    const origins = [8, 10, 12, 14, 16, 18], horizon = 4;
    // Each model is the truth plus an offset per origin: A is perfect until it fails at the last
    // origin, D is worst until it is perfect there.
    const offsets: Record<string, number[]> = { A: [0, 0, 0, 0, 0, 10], B: [1, 1, 1, 1, 1, 1], C: [2, 2, 2, 2, 2, 2], D: [3, 3, 3, 3, 3, 0] };
    const runs: ModelBacktest[] = Object.entries(offsets).map(([id, off]) => {
      const forecasts = origins.map((o, i) => y.slice(o, o + horizon).map((v) => v + (off[i] as number)));
      const s = score(y, 1, origins, forecasts);
      return { id, label: id, forecasts, ...s, meanMase: s.mase.reduce((a, b) => a + b) / s.mase.length, meanSmape: 0, ms: 1 };
    });
    const bt: Backtest = { horizon, m: 1, origins, actuals: origins.map((o) => y.slice(o, o + horizon)), runs, skipped: [] };
    const ens = ensembleBacktest(bt, y);
    // Origins 8 and 10 know no finished horizon: median of all four offsets (1.5). From origin 12 on
    // the known origins rank A, B, C best: median offset 1, and at 18 (A now 10 off) median 2. Had later
    // origins' errors been used, origins 8 and 10 would already take the median of A, B, C (1).
    const offsetsUsed = ens?.run.forecasts.map((f, i) => (f[0] as number) - (y[origins[i] as number] as number));
    expect(offsetsUsed).toEqual([1.5, 1.5, 1, 1, 1, 2]);
    // The final members are the best over every origin: B (1), A (10/6), C (2).
    expect(ens?.members).toEqual(['B', 'A', 'C']);
  });

  it('needs at least two models', () => {
    const bt: Backtest = { horizon: 1, m: 1, origins: [1], actuals: [], runs: [], skipped: [] };
    expect(ensembleBacktest(bt, new Float64Array(3))).toBeNull();
  });
});
