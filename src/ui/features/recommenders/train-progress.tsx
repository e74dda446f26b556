// A running training: which model, epoch progress with ETA, the live loss curve, Cancel.
import { Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../components/chart-box';
import { formatDuration } from '../../../lib/format';
import type { TrainPhase } from '../../../state/models-store';

/** Progress of the running job. */
export function TrainProgressView({ phase, onCancel }: { phase: Extract<TrainPhase, { kind: 'running' }>; onCancel(): void }) {
  const u = phase.update;
  const p = u?.progress;
  const within = p ? (p.epoch - 1 + p.fraction) / Math.max(1, p.epochs) : 0;
  const overall = u ? (u.index + (u.phase === 'evaluate' ? 1 : within)) / u.total : 0;
  const elapsed = (phase.updatedAt - phase.startedAt) / 1000;
  const eta = overall > 0.03 ? (elapsed / overall) * (1 - overall) : NaN;
  return (
    <section className="panel stack" aria-live="polite" data-testid="train-progress">
      <div className="panel-head">
        <h2>Training {u ? `${u.label} (${u.index + 1} of ${u.total})` : '…'}</h2>
        <button onClick={onCancel}>Cancel</button>
      </div>
      <div className="progress" role="progressbar" aria-label="Training progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(overall * 100)}>
        <div style={{ width: `${(overall * 100).toFixed(1)}%` }} />
      </div>
      <div className="row muted">
        <span>{u?.phase === 'evaluate' ? 'Evaluating on validation and test cases…' : p ? `Epoch ${p.epoch} of ${p.epochs} · loss ${p.loss.toFixed(4)}` : 'Preparing the data…'}</span>
        {p?.valid?.ndcg10 !== undefined && <span>· validation NDCG@10 {p.valid.ndcg10.toFixed(4)}</span>}
        {p?.seqPerSec ? <span>· {Math.round(p.seqPerSec).toLocaleString('en-US')} sequences/s</span> : null}
        <span>· {Number.isNaN(eta) ? 'estimating time left…' : `about ${formatDuration(eta)} left`}</span>
      </div>
      {phase.losses.length > 1 && (
        <ChartBox style={{ height: 160 }} data-testid="loss-curve">
          {(size) => (
            <LineChart {...size} data={phase.losses.map((loss, i) => ({ i, loss }))}>
              <XAxis dataKey="i" hide /><YAxis width={50} tick={{ fontSize: 11 }} domain={['auto', 'auto']} /><Tooltip formatter={(v) => Number(v).toFixed(4)} />
              <Line dataKey="loss" stroke="#2456d3" dot={false} isAnimationActive={false} />
            </LineChart>
          )}
        </ChartBox>
      )}
    </section>
  );
}
