// The comparison table of a training run: every model next to the baselines, the best on validation
// as the default, and plain statements where a neural model does not beat them.
import { useState } from 'react';
import { formatInt } from '../../../lib/format';
import type { TrainAnswer } from '../../../state/analysis';
import { downloadTopN } from '../../../state/models-store';
import { ChartPanel } from '../../components/chart-panel';

const f = (x: number) => x.toFixed(4);

/** Results of the latest run. */
export function ResultsTable({ id, run }: { id: string; run: TrainAnswer }) {
  const [note, setNote] = useState('');
  const exportAll = async () => {
    setNote('Scoring every user…');
    const rows = await downloadTopN(id, 10, false, 'top-10-per-user.csv');
    setNote(`Exported ${formatInt(rows)} rows.`);
  };
  const proto = run.request.protocol === 'loo' ? 'leave-last-out' : `time split (last ${run.request.testDays} days)`;
  return (
    <ChartPanel title="Model comparison" actions={<button className="small" onClick={() => void exportAll()}>Export top-10 for every user</button>}
      table={() => ({ header: ['model', 'valid_ndcg10', 'hr10', 'ndcg10', 'mrr10', 'hr20', 'ndcg20', 'mrr20', 'coverage', 'avg_popularity', 'epoch_ms', 'seq_per_s', 'gflops'], rows: run.rows.map((r) => [r.label, r.valid.ndcg10, r.test.hr10, r.test.ndcg10, r.test.mrr10, r.test.hr20, r.test.ndcg20, r.test.mrr20, r.test.coverage, r.test.avgPopularity, r.epochMs, r.seqPerSec, r.gflops]) })}>
      <p className="muted" style={{ marginTop: 0 }}>
        {proto}, full ranking over {formatInt(run.items)} items, ties counted against the model; {formatInt(run.testCases)} test and {formatInt(run.validCases)} validation cases from {formatInt(run.users)} users. Trained on {run.backend.toUpperCase()} on {new Date(run.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}.
      </p>
      <div className="scroll">
        <table data-testid="results-table">
          <thead><tr><th>Model</th><th className="num">Valid NDCG@10</th><th className="num">HR@10</th><th className="num">NDCG@10</th><th className="num">MRR@10</th><th className="num">HR@20</th><th className="num">NDCG@20</th><th className="num">Coverage</th><th className="num">Avg pop.</th><th className="num">Epoch</th><th className="num">Seq/s</th><th className="num">GFLOP/s</th></tr></thead>
          <tbody>
            {run.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.label}{r.id === run.best && <span className="badge" style={{ marginLeft: 6 }}>default (best on validation)</span>}</td>
                <td className="num">{f(r.valid.ndcg10)}</td><td className="num">{f(r.test.hr10)}</td><td className="num">{f(r.test.ndcg10)}</td><td className="num">{f(r.test.mrr10)}</td>
                <td className="num">{f(r.test.hr20)}</td><td className="num">{f(r.test.ndcg20)}</td><td className="num">{(r.test.coverage * 100).toFixed(1)}%</td><td className="num">{Math.round(r.test.avgPopularity)}</td>
                <td className="num">{r.epochMs ? `${(r.epochMs / 1000).toFixed(1)} s` : '—'}</td><td className="num">{r.gflops ? formatInt(r.seqPerSec) : '—'}</td><td className="num">{r.gflops ? r.gflops.toFixed(1) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SegmentBreakdown run={run} />
      {run.notes.map((n) => <p key={n} className="notice" data-testid="model-note">{n}.</p>)}
      {note && <p className="muted" role="status">{note}</p>}
    </ChartPanel>
  );
}

/** Test HR@10 per user activity level and per RFM segment, for every model. */
function SegmentBreakdown({ run }: { run: TrainAnswer }) {
  return (
    <div className="grid2" style={{ marginTop: '1rem' }}>
      <Breakdown run={run} title="Test HR@10 by user activity (history length)" pick={(r) => r.breakdown?.activity ?? []} />
      <Breakdown run={run} title="Test HR@10 by RFM segment" pick={(r) => r.breakdown?.rfm ?? []} />
    </div>
  );
}

function Breakdown({ run, title, pick }: { run: TrainAnswer; title: string; pick(r: TrainAnswer['rows'][number]): { segment: string; cases: number; hr10: number }[] }) {
  const first = run.rows[0];
  if (!first || pick(first).length === 0) return null;
  const segments = pick(first);
  return (
    <div className="scroll">
      <h3>{title}</h3>
      <table data-testid="segment-breakdown">
        <thead><tr><th>Segment</th><th className="num">Cases</th>{run.rows.map((r) => <th key={r.id} className="num">{r.label}</th>)}</tr></thead>
        <tbody>
          {segments.map((sg) => (
            <tr key={sg.segment}><td>{sg.segment}</td><td className="num">{formatInt(sg.cases)}</td>
              {run.rows.map((r) => <td key={r.id} className="num">{f(pick(r).find((x) => x.segment === sg.segment)?.hr10 ?? 0)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
