import { describe, expect, it } from 'vitest';
import type { EvalCase } from '../types';
import { activitySegment, userSegment } from './segments';

const c = (user: number, length: number): EvalCase => ({ user, history: new Int32Array(length), target: 0, ts: 0 });

describe('segments', () => {
  it('buckets activity by history length at 5 and 20', () => {
    expect([1, 5, 6, 20, 21].map((n) => activitySegment(c(0, n)))).toEqual(['light (≤5)', 'light (≤5)', 'medium (6–20)', 'medium (6–20)', 'heavy (>20)']);
  });
  it('labels cases by a per-user table, unknown users as other', () => {
    const seg = userSegment(['Champions', undefined, 'At risk']);
    expect([0, 1, 2, 7].map((u) => seg(c(u, 1)))).toEqual(['Champions', 'other', 'At risk', 'other']);
  });
});
