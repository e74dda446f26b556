// The funnel builder: steps (event type, optional filter and price range), window, order, breakdown.
import type { DatasetMeta, FunnelBreakdown, FunnelOrder, FunnelRequest, FunnelStep } from '../../../state/analysis';

/** Conversion-window presets, labelled with the vendor whose default they reproduce. */
export const WINDOW_PRESETS: [string, number][] = [['Amplitude · 1 day', 1], ['Mixpanel · 7 days', 7], ['PostHog · 14 days', 14]];
const MINUTE = 60_000, HOUR = 3_600_000, DAY = 86_400_000;
/** Allowed window: one minute to 90 days. */
export const WINDOW_MIN = MINUTE, WINDOW_MAX = 90 * DAY;
const UNITS: [string, number][] = [['minutes', MINUTE], ['hours', HOUR], ['days', DAY]];
const ORDERS: [FunnelOrder, string][] = [['ordered', 'This order (others may come between)'], ['strict', 'Strict order (nothing between)'], ['any', 'Any order']];
const FILTER_DIMS = ['category', 'brand', 'country', 'channel', 'item'] as const;

interface Props {
  meta: DatasetMeta;
  q: FunnelRequest;
  onChange(q: FunnelRequest): void;
}

/** Controls of the funnel. */
export function FunnelForm({ meta, q, onChange }: Props) {
  const unit = [...UNITS].reverse().find(([, ms]) => q.windowMs % ms === 0) ?? (UNITS[0] as [string, number]);
  const setStep = (i: number, s: FunnelStep) => onChange({ ...q, steps: q.steps.map((x, j) => (j === i ? s : x)) });
  const setWindow = (ms: number) => onChange({ ...q, windowMs: Math.min(WINDOW_MAX, Math.max(WINDOW_MIN, ms)) });
  return (
    <div className="stack">
      <ol className="stack" style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {q.steps.map((s, i) => (
          <li key={i}>
            <div className="form-row">
              <label>Event
                <select aria-label={`Step ${i + 1} event`} value={s.type} onChange={(e) => setStep(i, { ...s, type: Number(e.target.value) })}>
                  {meta.types.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
                </select>
              </label>
              <StepFilterPicker meta={meta} step={s} index={i} onChange={(x) => setStep(i, x)} />
              <label>Min price<input type="number" min={0} style={{ width: '6rem' }} aria-label={`Step ${i + 1} minimum price`} value={s.priceMin ?? ''} onChange={(e) => setStep(i, { ...s, priceMin: e.target.value === '' ? undefined : Number(e.target.value) })} /></label>
              <label>Max price<input type="number" min={0} style={{ width: '6rem' }} aria-label={`Step ${i + 1} maximum price`} value={s.priceMax ?? ''} onChange={(e) => setStep(i, { ...s, priceMax: e.target.value === '' ? undefined : Number(e.target.value) })} /></label>
              {q.steps.length > 2 && <button className="small" onClick={() => onChange({ ...q, steps: q.steps.filter((_, j) => j !== i) })} aria-label={`Remove step ${i + 1}`}>Remove</button>}
            </div>
          </li>
        ))}
      </ol>
      <div className="form-row">
        <button onClick={() => onChange({ ...q, steps: [...q.steps, { type: q.steps.at(-1)?.type ?? 0 }] })} disabled={q.steps.length >= 8}>Add step</button>
        <label>Conversion window
          <span className="row">
            <input type="number" min={1} style={{ width: '5rem' }} aria-label="Window length" value={q.windowMs / unit[1]} onChange={(e) => setWindow(Number(e.target.value) * unit[1])} />
            <select aria-label="Window unit" value={unit[1]} onChange={(e) => setWindow((q.windowMs / unit[1]) * Number(e.target.value))}>
              {UNITS.map(([name, ms]) => <option key={name} value={ms}>{name}</option>)}
            </select>
          </span>
        </label>
        <div className="row" role="group" aria-label="Window presets">
          {WINDOW_PRESETS.map(([label, days]) => (
            <button key={label} className="small" aria-pressed={q.windowMs === days * DAY} onClick={() => setWindow(days * DAY)}>{label}</button>
          ))}
        </div>
        <label>Order
          <select aria-label="Order" value={q.order} onChange={(e) => onChange({ ...q, order: e.target.value as FunnelOrder })}>
            {ORDERS.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </select>
        </label>
        <label>Break down by
          <select aria-label="Break down by" value={q.breakdown ?? ''} onChange={(e) => onChange({ ...q, breakdown: (e.target.value || undefined) as FunnelBreakdown | undefined })}>
            <option value="">nothing</option>
            {(['country', 'channel', 'category'] as const).filter((d) => meta.dims[d]).map((d) => <option key={d} value={d}>{d}</option>)}
            <option value="segment">RFM segment</option>
          </select>
        </label>
      </div>
    </div>
  );
}

function StepFilterPicker({ meta, step, index, onChange }: { meta: DatasetMeta; step: FunnelStep; index: number; onChange(s: FunnelStep): void }) {
  const f = step.filters?.[0];
  const dims = FILTER_DIMS.filter((d) => meta.dims[d]);
  if (dims.length === 0) return null;
  const values = f ? (meta.dims[f.column as (typeof FILTER_DIMS)[number]] ?? []) : [];
  return (
    <>
      <label>Where
        <select aria-label={`Step ${index + 1} filter`} value={f?.column ?? ''} onChange={(e) => onChange({ ...step, filters: e.target.value ? [{ column: e.target.value as (typeof FILTER_DIMS)[number], codes: [] }] : undefined })}>
          <option value="">any</option>
          {dims.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
      </label>
      {f && (
        <label>is
          <select aria-label={`Step ${index + 1} filter value`} value={f.codes[0] ?? ''} onChange={(e) => onChange({ ...step, filters: [{ column: f.column, codes: e.target.value === '' ? [] : [Number(e.target.value)] }] })}>
            <option value="">choose…</option>
            {values.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
          </select>
        </label>
      )}
    </>
  );
}
