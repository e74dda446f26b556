// The next-action head's held-out evaluation: the model next to two baselines (what follows each
// event type; the class frequencies), and one plain sentence on whether the model earns its keep.
import { formatInt } from '../../../lib/format';
import type { TrainAnswer } from '../../../state/analysis';
import { ChartPanel } from '../../components/chart-panel';

type Report = NonNullable<TrainAnswer['nextAction']>;

/** Four decimals, or a dash when the figure is undefined (no cases). */
const f = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '—');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');

/** Whether the model beats the last-event-type baseline on log loss, said plainly either way. */
function verdict(report: Report): { text: string; good: boolean } | null {
  const model = report.rows.find((r) => r.id === 'model')?.metrics;
  const base = report.rows.find((r) => r.id === 'last-type')?.metrics;
  if (!model || !base) return null;
  if (!Number.isFinite(model.logLoss) || !Number.isFinite(base.logLoss)) return { text: 'There were no held-out cases to compare the model on.', good: false };
  const figures = `${model.logLoss.toFixed(4)} against ${base.logLoss.toFixed(4)}`;
  return model.logLoss < base.logLoss
    ? { text: `The model beats the last-event-type baseline on log loss (${figures}): its probabilities are better than counting what follows each event type.`, good: true }
    : { text: `The model does not beat the last-event-type baseline on log loss (${figures}): counting what follows each event type predicts the next action as well or better.`, good: false };
}

/** Held-out next-action metrics of a run: one row per predictor. */
export function NextActionTable({ report }: { report: Report }) {
  const classes = report.rows[0]?.metrics.perClass ?? [];
  const said = verdict(report);
  return (
    <ChartPanel title="Next action (view / cart / purchase / exit)"
      table={() => ({
        header: ['predictor', 'accuracy', 'macro_f1', 'log_loss', ...classes.map((c) => `recall_${c.action}`)],
        rows: report.rows.map((r) => [r.label, r.metrics.accuracy, r.metrics.macroF1, r.metrics.logLoss, ...r.metrics.perClass.map((c) => c.recall)]),
      })}>
      <p className="muted" style={{ marginTop: 0 }}>
        After a user's event, what comes next in the session, or does it end? {formatInt(report.cases)} held-out cases that training never saw; the baselines learn from the same training events. Accuracy, macro-F1 and recall score the most likely action; log loss scores the probabilities (lower is better).
      </p>
      <div className="scroll">
        <table data-testid="next-action-table">
          <thead>
            <tr><th>Predictor</th><th className="num">Accuracy</th><th className="num">Macro-F1</th><th className="num">Log loss</th>
              {classes.map((c) => <th key={c.action} className="num">Recall {c.action}<br /><span style={{ textTransform: 'none', fontWeight: 400 }}>{formatInt(c.support)} cases</span></th>)}</tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.label}</td><td className="num">{f(r.metrics.accuracy)}</td><td className="num">{f(r.metrics.macroF1)}</td><td className="num">{f(r.metrics.logLoss)}</td>
                {r.metrics.perClass.map((c) => <td key={c.action} className="num">{c.support ? pct(c.recall) : '—'}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {said && <p className={said.good ? 'notice good' : 'notice'} data-testid="next-action-verdict">{said.text}</p>}
    </ChartPanel>
  );
}
