import { describe, expect, it } from 'vitest';
import { nelderMead } from './optimize';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = ([x = 0, y = 0]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxIter: 5000, ftol: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
    expect(r.f).toBeLessThan(1e-8);
  });

  it('minimises a shifted 4-d quadratic and treats non-finite values as walls', () => {
    const target = [0.3, -2, 5, 1];
    const f = (x: number[]) => (x[0] as number) < -10 ? NaN : x.reduce((s, xi, i) => s + (i + 1) * (xi - (target[i] as number)) ** 2, 0);
    const r = nelderMead(f, [0, 0, 0, 0], { maxIter: 4000, ftol: 1e-14 });
    r.x.forEach((xi, i) => expect(xi).toBeCloseTo(target[i] as number, 3));
  });

  it('stops at the iteration cap', () => {
    const r = nelderMead((x) => (x[0] as number) ** 2, [100], { maxIter: 3 });
    expect(r.iterations).toBe(3);
  });
});
