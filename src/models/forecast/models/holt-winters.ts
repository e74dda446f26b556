// Exponential smoothing (Holt–Winters) with additive or multiplicative seasonality and an optional
// (damped) additive trend, in the component form of Hyndman & Athanasopoulos, FPP3 §8.3. With
// p_t = ℓ_{t−1} + φ b_{t−1} (the level one step ahead; φ = 1 without damping, b = 0 without trend):
//   additive season:        ŷ_t = p_t + s_{t−m}
//                           ℓ_t = α (y_t − s_{t−m}) + (1 − α) p_t
//                           s_t = γ (y_t − p_t) + (1 − γ) s_{t−m}
//   multiplicative season:  ŷ_t = p_t · s_{t−m}
//                           ℓ_t = α (y_t / s_{t−m}) + (1 − α) p_t
//                           s_t = γ (y_t / p_t) + (1 − γ) s_{t−m}
//   trend:                  b_t = β (ℓ_t − ℓ_{t−1}) + (1 − β) φ b_{t−1}
//   forecast:               ŷ_{n+h} = ℓ_n + (φ + φ² + … + φ^h) b_n  (+ or ·) s_{n+h−m⌈h/m⌉}
// Parameters are fitted by minimising the one-step SSE with Nelder–Mead; each variant is then scored
// by AICc and the lowest wins. AICc rather than a holdout: it uses the whole history and needs no
// extra data, while the rolling-origin backtest already holds out data to compare model families.
import { nelderMead } from '../optimize';
import { seasonIndex, type Fitted, type Forecaster } from '../forecaster';
import { initialStates, type States } from './holt-winters-init';

/** Trend component of a variant. */
export type Trend = 'none' | 'additive' | 'damped';
/** Seasonal component of a variant. */
export type Season = 'none' | 'additive' | 'multiplicative';
/** One exponential smoothing variant. */
export interface HwSpec {
  trend: Trend;
  season: Season;
}
/** Smoothing parameters (β, γ, φ unused where the variant has no trend, season or damping). */
export interface HwParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** Search bounds: α, β in (0, 1); γ ≤ 1 − α (FPP3's admissible range); φ ∈ [0.8, 0.98] as in fable. */
const LO = 1e-4, HI = 0.9999, PHI_LO = 0.8, PHI_HI = 0.98;
/** Below this, a multiplicative seasonal index or level is treated as 0 (a closed day carries no level information). */
const TINY = 1e-9;
/** Starting point of the search (α, β, γ, φ), typical of fitted retail series. */
const START: HwParams = { alpha: 0.2, beta: 0.05, gamma: 0.1, phi: 0.95 };

/** One pass of the recursions: in-sample one-step forecasts, SSE and the final states. */
export function smooth(y: Float64Array, m: number, spec: HwSpec, p: HwParams, init: States): { sse: number; insample: Float64Array; end: States } {
  const mult = spec.season === 'multiplicative';
  const phi = spec.trend === 'damped' ? p.phi : 1;
  const s = Float64Array.from(init.season);
  let level = init.level, trend = spec.trend === 'none' ? 0 : init.trend, sse = 0;
  const insample = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) {
    const yt = y[t] as number, j = seasonIndex(t, m), sj = s[j] as number;
    const ahead = level + phi * trend;
    const yhat = mult ? ahead * sj : ahead + sj;
    insample[t] = yhat;
    sse += (yt - yhat) ** 2;
    let next: number;
    if (!mult) next = p.alpha * (yt - sj) + (1 - p.alpha) * ahead;
    else next = sj > TINY ? p.alpha * (yt / sj) + (1 - p.alpha) * ahead : ahead;
    if (spec.season === 'additive') s[j] = p.gamma * (yt - ahead) + (1 - p.gamma) * sj;
    else if (mult) s[j] = ahead > TINY ? p.gamma * (yt / ahead) + (1 - p.gamma) * sj : sj;
    if (spec.trend !== 'none') trend = p.beta * (next - level) + (1 - p.beta) * phi * trend;
    level = next;
  }
  return { sse, insample, end: { level, trend, season: s } };
}

/** Point forecasts from the final states: ŷ_{n+h} = ℓ_n + (φ + … + φ^h) b_n, plus or times the season. */
export function project(end: States, n: number, m: number, spec: HwSpec, phi: number, h: number): Float64Array {
  const out = new Float64Array(h);
  const damp = spec.trend === 'damped' ? phi : 1;
  let sumPhi = 0, pow = 1;
  for (let i = 1; i <= h; i++) {
    pow *= damp;
    sumPhi += pow;
    const base = end.level + (spec.trend === 'none' ? 0 : sumPhi * end.trend);
    const s = end.season[seasonIndex(n + i - 1, m)] as number;
    out[i - 1] = spec.season === 'multiplicative' ? base * s : base + s;
  }
  return out;
}

const logistic = (u: number): number => 1 / (1 + Math.exp(-u));
const logit = (x: number): number => Math.log(x / (1 - x));

/** Maps unconstrained search coordinates to admissible parameters, so Nelder–Mead needs no bounds. */
function toParams(spec: HwSpec, u: number[]): HwParams {
  let k = 0;
  const next = () => logistic(u[k++] ?? 0);
  const alpha = LO + (HI - LO) * next();
  const beta = spec.trend === 'none' ? 0 : LO + (HI - LO) * next();
  const gamma = spec.season === 'none' ? 0 : (LO + (HI - LO) * next()) * (1 - alpha);
  const phi = spec.trend === 'damped' ? PHI_LO + (PHI_HI - PHI_LO) * next() : 1;
  return { alpha, beta, gamma, phi };
}

/** The search start of a variant, in unconstrained coordinates. */
function startPoint(spec: HwSpec): number[] {
  const unit = (x: number, lo: number, hi: number) => logit((x - lo) / (hi - lo));
  const u = [unit(START.alpha, LO, HI)];
  if (spec.trend !== 'none') u.push(unit(START.beta, LO, HI));
  if (spec.season !== 'none') u.push(unit(START.gamma / (1 - START.alpha), LO, HI));
  if (spec.trend === 'damped') u.push(unit(START.phi, PHI_LO, PHI_HI));
  return u;
}

/** A fitted variant with its score. */
export interface HwFit {
  spec: HwSpec;
  params: HwParams;
  sse: number;
  aicc: number;
  insample: Float64Array;
  end: States;
}

/**
 * Fits one variant: minimise SSE over (α, β, γ, φ), restarting Nelder–Mead once from its answer
 * (a standard guard against a collapsed simplex). AICc = n ln(SSE/n) + 2k + 2k(k+1)/(n−k−1), where
 * k counts the smoothing parameters, the initial states and the noise variance.
 */
export function fitVariant(y: Float64Array, m: number, spec: HwSpec): HwFit | null {
  const init = initialStates(y, m, spec);
  if (!init) return null;
  const sse = (u: number[]) => smooth(y, m, spec, toParams(spec, u), init).sse;
  const first = nelderMead(sse, startPoint(spec), { step: 1 });
  const best = nelderMead(sse, first.x, { step: 0.5 });
  const params = toParams(spec, best.x);
  const run = smooth(y, m, spec, params, init);
  const n = y.length;
  const k = best.x.length + 1 + (spec.trend === 'none' ? 0 : 1) + (spec.season === 'none' ? 0 : m - 1) + 1;
  const aicc = n * Math.log(Math.max(run.sse, TINY) / n) + 2 * k + (n - k - 1 > 0 ? (2 * k * (k + 1)) / (n - k - 1) : Infinity);
  return { spec, params, sse: run.sse, aicc, insample: run.insample, end: run.end };
}

/** The variants compared: every trend with each seasonality the history allows. */
export function variants(y: Float64Array, m: number): HwSpec[] {
  const trends: Trend[] = ['none', 'additive', 'damped'];
  const seasons: Season[] = m > 1 && y.length >= 2 * m ? ['additive', 'multiplicative'] : ['none'];
  return seasons.flatMap((season) => trends.map((trend) => ({ trend, season })));
}

/** Describes a fitted variant in a few words, for reports. */
export function describeFit(f: HwFit): string {
  const p = f.params, r = (x: number) => x.toFixed(2);
  const trend = f.spec.trend === 'none' ? 'no trend' : f.spec.trend === 'damped' ? `damped trend β=${r(p.beta)} φ=${r(p.phi)}` : `trend β=${r(p.beta)}`;
  const season = f.spec.season === 'none' ? 'no season' : `${f.spec.season} season γ=${r(p.gamma)}`;
  return `${season}, ${trend}, α=${r(p.alpha)}`;
}

/** Holt–Winters with automatic choice of trend and seasonality by AICc. */
export const holtWinters: Forecaster = {
  id: 'holt-winters',
  label: 'Holt–Winters',
  minHistory: (m) => (m > 1 ? 2 * m : 4),
  needs: (m) => (m > 1 ? '2 full seasons' : '4 periods'),
  fit(y: Float64Array, m: number): Fitted {
    const fits = variants(y, m).map((spec) => fitVariant(y, m, spec)).filter((f): f is HwFit => f !== null);
    const best = fits.reduce<HwFit | null>((a, f) => (a === null || f.aicc < a.aicc ? f : a), null);
    if (!best) throw new RangeError(`Holt–Winters cannot start from ${y.length} periods`);
    return {
      insample: best.insample,
      detail: describeFit(best),
      forecast: (h: number) => project(best.end, y.length, m, best.spec, best.params.phi, h),
    };
  },
};
