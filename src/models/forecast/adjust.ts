// What the statistical models do with promotions, and the zero floor. Both wrap any Forecaster,
// so the backtest scores exactly what the user will see.
//   promotion effect: δ = mean over past promotion periods of (y_t − ŷ_t), ŷ_t the one-step
//   in-sample prediction; forecasts of future promotion periods get + δ.
// This is the simplest honest use: the smoothing models still see promotion spikes as ordinary
// data while fitting (their level moves a little after one), and δ is one number for every kind
// of promotion. A model that handles promotions itself (the LSTM) sets `usesPromo` and is left alone.
import type { Fitted, Forecaster } from './forecaster';
import { mostlyNonNegative } from './series';

/** Past promotion periods needed before an effect is estimated (one spike is too noisy to trust). */
export const MIN_PROMO_PERIODS = 2;

/** δ, the mean in-sample residual on past promotion periods, or 0 with too few of them. */
export function promoEffect(y: Float64Array, insample: Float64Array | undefined, promo: Uint8Array | undefined): number {
  if (!insample || !promo) return 0;
  let sum = 0, count = 0;
  for (let t = 0; t < y.length; t++) {
    const f = insample[t] as number;
    if (promo[t] && Number.isFinite(f)) {
      sum += (y[t] as number) - f;
      count++;
    }
  }
  return count >= MIN_PROMO_PERIODS ? sum / count : 0;
}

/** A forecaster that honours `usesPromo` models, adds δ on future promotion periods and floors at 0 positive quantities. */
export function adjusted(inner: Forecaster): Forecaster {
  // Delegating members one by one (not spreading) keeps class-based models' prototype methods.
  return {
    id: inner.id,
    label: inner.label,
    minHistory: (m, h) => inner.minHistory(m, h),
    needs: (m, h) => inner.needs?.(m, h) ?? `${inner.minHistory(m, h)} periods`,
    async fit(y: Float64Array, m: number, promo?: Uint8Array): Promise<Fitted> {
      const fitted = await inner.fit(y, m, promo);
      const effect = inner.usesPromo ? 0 : promoEffect(y, fitted.insample, promo);
      // Revenue, orders, units and users cannot be negative, so neither can their forecasts.
      const floor = mostlyNonNegative(y);
      return {
        ...fitted,
        detail: [fitted.detail, effect !== 0 ? `promotion effect ${effect >= 0 ? '+' : ''}${effect.toPrecision(3)}` : ''].filter(Boolean).join('; '),
        async forecast(h: number, futurePromo?: Uint8Array): Promise<Float64Array> {
          const out = Float64Array.from(await fitted.forecast(h, futurePromo));
          for (let i = 0; i < h; i++) {
            if (futurePromo?.[i]) out[i] = (out[i] as number) + effect;
            if (floor && (out[i] as number) < 0) out[i] = 0;
          }
          return out;
        },
      };
    },
  };
}
