// Backtest scores of every model, side by side; choosing a row switches the forecast shown.
import { formatPct } from '../../../lib/format';
import type { ModelForecast } from '../../../state/analysis';

interface Props {
  models: ModelForecast[];
  chosen: string;
  selected: string;
  onSelect(id: string): void;
}

/** The model comparison table. */
export function ModelTable({ models, chosen, selected, onSelect }: Props) {
  return (
    <table data-testid="model-table">
      <thead>
        <tr><th>Model</th><th className="num">MASE</th><th className="num">sMAPE</th><th className="num">80% covers</th><th className="num">95% covers</th><th className="num">Fit</th><th className="num">Backtest</th><th>Show</th></tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.id} aria-selected={m.id === selected}>
            <td>{m.label}{m.id === chosen && <span className="badge" style={{ marginLeft: 6 }}>best backtest</span>}{m.detail && <div className="muted" style={{ fontSize: '0.8rem' }}>{m.detail}</div>}</td>
            <td className="num">{m.mase.toFixed(3)}</td>
            <td className="num">{m.smape.toFixed(1)}%</td>
            <td className="num">{formatPct(m.coverage80)}</td>
            <td className="num">{formatPct(m.coverage95)}</td>
            <td className="num">{Math.round(m.fitMs)} ms</td>
            <td className="num">{Math.round(m.backtestMs)} ms</td>
            <td><input type="radio" name="model" aria-label={`Show ${m.label}`} checked={m.id === selected} onChange={() => onSelect(m.id)} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
