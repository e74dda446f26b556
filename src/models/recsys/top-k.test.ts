import { describe, expect, it } from 'vitest';
import { topK } from './top-k';

const s = Float32Array.from([0.5, 0.9, 0.5, 0.1, 0.5]);

describe('topK', () => {
  it('returns the best items first, lower index first on ties, skipping masked ones', () => {
    expect([...topK(s, 3)]).toEqual([1, 0, 2]);
    expect([...topK(s, 3, Uint8Array.from([0, 1, 0, 0, 0]))]).toEqual([0, 2, 4]);
    expect([...topK(s, 9)]).toEqual([1, 0, 2, 4, 3]);
    expect([...topK(Float32Array.from([1, 2, 3, 4, 5, 6]), 2)]).toEqual([5, 4]);
    expect([...topK(Float32Array.from([NaN, 1]), 2)]).toEqual([1]);
  });
  it('looks only at the candidates when given, in any order, with the same tie rule', () => {
    expect([...topK(s, 2, undefined, [4, 3, 2])]).toEqual([2, 4]);
    expect([...topK(s, 5, undefined, [4, 1, 0])]).toEqual([1, 0, 4]);
  });
});
