// A small Nelder–Mead simplex minimiser (Nelder & Mead 1965, standard coefficients). Derivative-free,
// enough for the 1–4 smoothing parameters of the models here; bounds are handled by the callers
// through transforms (e.g. logistic), so the search itself is unconstrained.

/** Reflection, expansion, contraction and shrink coefficients (the textbook 1, 2, ½, ½). */
const REFLECT = 1, EXPAND = 2, CONTRACT = 0.5, SHRINK = 0.5;

/** Options: initial step per coordinate, iteration cap and the tolerance on the simplex's f-spread. */
export interface NelderMeadOptions {
  step?: number;
  maxIter?: number;
  ftol?: number;
}

/** The best point found, its value and the iterations used. */
export interface Minimum {
  x: number[];
  f: number;
  iterations: number;
}

/** Minimises f from x0. Non-finite values of f are treated as +Infinity (a wall). */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], opts: NelderMeadOptions = {}): Minimum {
  const { step = 0.5, maxIter = 200 * x0.length, ftol = 1e-10 } = opts;
  const n = x0.length;
  const value = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: { x: number[]; f: number }[] = [{ x: [...x0], f: value([...x0]) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = (x[i] as number) + step;
    simplex.push({ x, f: value(x) });
  }
  // x + t (y − x): every move of the method is a point on the line from the centroid.
  const along = (x: number[], y: number[], t: number): number[] => x.map((xi, i) => xi + t * ((y[i] as number) - xi));
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0] as { x: number[]; f: number }, worst = simplex[n] as { x: number[]; f: number };
    const second = (simplex[n - 1] as { f: number }).f;
    if (Math.abs(worst.f - best.f) <= ftol * (Math.abs(best.f) + ftol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + ((simplex[j] as { x: number[] }).x[i] as number) / n;
    const xr = along(centroid, worst.x, -REFLECT), fr = value(xr);
    if (fr < best.f) {
      const xe = along(centroid, worst.x, -EXPAND), fe = value(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < second) {
      simplex[n] = { x: xr, f: fr };
    } else {
      // Contract outside (towards the reflected point) or inside (towards the worst point).
      const outside = fr < worst.f;
      const xc = along(centroid, worst.x, outside ? -CONTRACT : CONTRACT), fc = value(xc);
      if (fc < Math.min(fr, worst.f)) simplex[n] = { x: xc, f: fc };
      else for (let j = 1; j <= n; j++) {
        const x = along(best.x, (simplex[j] as { x: number[] }).x, SHRINK);
        simplex[j] = { x, f: value(x) };
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  const best = simplex[0] as { x: number[]; f: number };
  return { x: best.x, f: best.f, iterations };
}
