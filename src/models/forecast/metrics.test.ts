import { describe, expect, it } from 'vitest';
import { mase, naiveScale, smape } from './metrics';

describe('MASE', () => {
  it('scales the forecast MAE by the in-sample MAE of the weekly seasonal naive', () => {
    // Two weeks rising by 1 per week: every |y_t − y_{t−7}| is 1, so the scale is 1.
    const insample = [1, 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7, 8];
    expect(naiveScale(insample, 7)).toBe(1);
    // |10 − 8| = 2, |0 − 1| = 1 → MAE 1.5.
    expect(mase([10, 0], [8, 1], insample, 7)).toBe(1.5);
    // Scale by hand: |9 − 1|, |9 − 2| … over a second week 8, 7, 6, 5, 4, 3, 2 higher → mean 5.
    expect(naiveScale([1, 2, 3, 4, 5, 6, 7, 9, 9, 9, 9, 9, 9, 9], 7)).toBe(5);
  });

  it('falls back to lag 1 when there is no full season plus one period', () => {
    // |3 − 1| = 2, |6 − 3| = 3 → 2.5.
    expect(naiveScale([1, 3, 6], 7)).toBe(2.5);
    expect(mase([5], [0], [1, 3, 6], 7)).toBe(2);
  });

  it('is 0 for a perfect forecast of a flat history and Infinity for any error on it', () => {
    expect(mase([4, 4], [4, 4], [4, 4, 4], 1)).toBe(0);
    expect(mase([4, 4], [4, 5], [4, 4, 4], 1)).toBe(Infinity);
  });
});

describe('sMAPE (M4)', () => {
  it('is 200/h · Σ |y − ŷ| / (|y| + |ŷ|) with 0/0 terms counted as 0', () => {
    // Terms: 10/210, 0/0 → 0, 50/50 = 1.
    expect(smape([100, 0, 50], [110, 0, 0])).toBeCloseTo((200 / 3) * (10 / 210 + 1), 10);
    expect(smape([1, 2, 3], [1, 2, 3])).toBe(0);
    // Opposite signs give the maximum, 200.
    expect(smape([-1], [1])).toBe(200);
  });
});
