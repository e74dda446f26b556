// Forecast controls: what to forecast, for which slice, how far, and the promotion days.
import { useState } from 'react';
import type { DatasetMeta, ForecastRequest } from '../../../state/analysis';

const TARGETS: [ForecastRequest['target'], string][] = [['revenue', 'Net revenue'], ['orders', 'Orders'], ['units', 'Units'], ['users', 'Active users']];
const SCOPES = ['category', 'country', 'item'] as const;
/** Values offered per slice dimension (the top N by events). */
export const SCOPE_TOP_N = 20;

/** The forecast form. */
export function ForecastForm({ meta, req, onChange }: { meta: DatasetMeta; req: ForecastRequest; onChange(r: ForecastRequest): void }) {
  const [day, setDay] = useState('');
  const dims = SCOPES.filter((d) => meta.dims[d]);
  const values = req.scope ? (meta.dims[req.scope.column as (typeof SCOPES)[number]] ?? []).slice(0, SCOPE_TOP_N) : [];
  const addPromo = () => {
    if (day && !req.promoDays.includes(day)) onChange({ ...req, promoDays: [...req.promoDays, day].sort() });
    setDay('');
  };
  return (
    <div className="stack">
      <div className="form-row">
        <label>Forecast
          <select aria-label="Target" value={req.target} onChange={(e) => onChange({ ...req, target: e.target.value as ForecastRequest['target'] })}>
            {TARGETS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </label>
        <label>Per
          <select aria-label="Frequency" value={req.freq} onChange={(e) => {
            const freq = e.target.value as ForecastRequest['freq'];
            onChange({ ...req, freq, horizon: freq === 'day' ? 28 : 8 });
          }}>
            <option value="day">day</option><option value="week">week</option>
          </select>
        </label>
        <label>Horizon ({req.freq === 'day' ? 'days' : 'weeks'})
          <input type="number" aria-label="Horizon" min={1} max={req.freq === 'day' ? 180 : 52} style={{ width: '5rem' }} value={req.horizon}
            onChange={(e) => onChange({ ...req, horizon: Math.max(1, Math.min(req.freq === 'day' ? 180 : 52, Math.round(Number(e.target.value)) || 1)) })} />
        </label>
        <label>For
          <select aria-label="Scope" value={req.scope?.column ?? ''} onChange={(e) => {
            const column = e.target.value as (typeof SCOPES)[number] | '';
            const first = column ? meta.dims[column]?.[0] : undefined;
            onChange({ ...req, scope: column && first ? { column, code: first.code } : null });
          }}>
            <option value="">the whole shop</option>
            {dims.map((d) => <option key={d} value={d}>one {d}</option>)}
          </select>
        </label>
        {req.scope && (
          <label>{req.scope.column}
            <select aria-label="Scope value" value={req.scope.code} onChange={(e) => onChange({ ...req, scope: { column: req.scope?.column ?? 'category', code: Number(e.target.value) } })}>
              {values.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
            </select>
          </label>
        )}
      </div>
      <div className="form-row">
        <label>Promotion day (past or future)
          <span className="row">
            <input type="date" aria-label="Promotion day" value={day} onChange={(e) => setDay(e.target.value)} />
            <button className="small" onClick={addPromo} disabled={!day}>Mark</button>
          </span>
        </label>
        <div className="row" aria-label="Promotion days">
          {req.promoDays.length === 0 && <span className="muted">No promotion days marked. Models use them to learn and apply a promotion effect.</span>}
          {req.promoDays.map((d) => (
            <span key={d} className="badge">{d} <button className="small" aria-label={`Unmark ${d}`} onClick={() => onChange({ ...req, promoDays: req.promoDays.filter((x) => x !== d) })}>×</button></span>
          ))}
        </div>
      </div>
    </div>
  );
}
