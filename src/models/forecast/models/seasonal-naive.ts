// Seasonal naive: each period repeats the same period of the last season. It is the baseline every
// model must beat, and its in-sample error is the MASE scale.
import type { Fitted, Forecaster } from '../forecaster';

/** ŷ_{n+h} = y_{n+h−m·⌈h/m⌉}: the last observed value at the same season position. */
export const seasonalNaive: Forecaster = {
  id: 'seasonal-naive',
  label: 'Seasonal naive',
  minHistory: (m) => Math.max(1, m),
  needs: (m) => (m > 1 ? 'one full season' : 'one period'),
  fit(y: Float64Array, m: number): Fitted {
    const n = y.length;
    if (n < m) throw new RangeError(`seasonal naive needs ${m} periods, got ${n}`);
    const insample = new Float64Array(n).fill(NaN);
    for (let t = m; t < n; t++) insample[t] = y[t - m] as number;
    return {
      insample,
      detail: m > 1 ? `repeats the last ${m} periods` : 'repeats the last value',
      forecast(h: number): Float64Array {
        const out = new Float64Array(h);
        for (let i = 1; i <= h; i++) out[i - 1] = y[n + i - m * Math.ceil(i / m) - 1] as number;
        return out;
      },
    };
  },
};
