// Training setup: protocol, models, preset and editable hyper-parameters.
import { MODEL_IDS, MODEL_LABELS, PRESETS, isNeural, type ModelId } from '../../../lib/model-catalog';
import type { TrainRequest } from '../../../state/analysis';

/** The training form. */
export function TrainForm({ req, onChange, onStart, busy }: { req: TrainRequest; onChange(r: TrainRequest): void; onStart(): void; busy: boolean }) {
  const toggle = (id: ModelId, on: boolean) => onChange({ ...req, models: MODEL_IDS.filter((m) => (m === id ? on : req.models.includes(m))) });
  const setHyper = (k: keyof TrainRequest['hyper'], v: number) => onChange({ ...req, hyper: { ...req.hyper, [k]: v } });
  return (
    <div className="stack">
      <div className="row" role="group" aria-label="Models">
        {MODEL_IDS.map((id) => (
          <label key={id} className="row" style={{ marginRight: '0.8rem' }}>
            <input type="checkbox" checked={req.models.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
            {MODEL_LABELS[id]}{isNeural(id) && <span className="badge">neural</span>}
          </label>
        ))}
      </div>
      <div className="form-row">
        <label>Evaluation
          <select aria-label="Protocol" value={req.protocol} onChange={(e) => onChange({ ...req, protocol: e.target.value as TrainRequest['protocol'] })}>
            <option value="loo">leave-last-out per user</option>
            <option value="time">time split (last days are test)</option>
          </select>
        </label>
        {req.protocol === 'time' && (
          <label>Test days<input type="number" min={1} max={60} style={{ width: '5rem' }} aria-label="Test days" value={req.testDays} onChange={(e) => onChange({ ...req, testDays: Math.max(1, Number(e.target.value) || 1) })} /></label>
        )}
        <div className="row" role="group" aria-label="Presets">
          {(Object.keys(PRESETS) as (keyof typeof PRESETS)[]).map((p) => (
            <button key={p} className="small" title={`${PRESETS[p].epochs} epochs, ${PRESETS[p].dim}-dimensional embeddings`} aria-pressed={JSON.stringify(PRESETS[p]) === JSON.stringify(req.hyper)} onClick={() => onChange({ ...req, hyper: PRESETS[p] })}>{p}</button>
          ))}
        </div>
        <label>Epochs<input type="number" min={1} max={100} style={{ width: '4.5rem' }} aria-label="Epochs" value={req.hyper.epochs} onChange={(e) => setHyper('epochs', Math.max(1, Number(e.target.value) || 1))} /></label>
        <label>Embedding size<input type="number" min={8} max={256} step={8} style={{ width: '5rem' }} aria-label="Embedding size" value={req.hyper.dim} onChange={(e) => setHyper('dim', Math.max(8, Number(e.target.value) || 8))} /></label>
        <label>Seed<input type="number" style={{ width: '5rem' }} aria-label="Seed" value={req.hyper.seed} onChange={(e) => setHyper('seed', Number(e.target.value) || 0)} /></label>
        <button className="primary" onClick={onStart} disabled={busy || req.models.length === 0}>Train and evaluate</button>
      </div>
    </div>
  );
}
