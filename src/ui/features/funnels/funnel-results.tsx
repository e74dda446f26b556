// Funnel results: step bars with conversion and drop-off, time between steps, breakdown, trend.
import { Bar, BarChart, LabelList, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../components/chart-box';
import { formatInt, formatPct } from '../../../lib/format';
import type { FunnelResult } from '../../../state/analysis';
import { ChartPanel } from '../../components/chart-panel';
import { HorizontalGrid } from '../../components/grid';

interface Props {
  r: FunnelResult;
  labels: string[];
  /** Downloads the users who converted at (or dropped before) a 1-based step. */
  onExport(step: number, converted: boolean): void;
}

/** Duration as the largest sensible unit. */
function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

/** All result panels. */
export function FunnelResults({ r, labels, onExport }: Props) {
  const bars = r.steps.map((s, i) => ({ step: `${i + 1}. ${labels[i] ?? ''}`, users: s.users, label: `${formatInt(s.users)} · ${formatPct(s.conversion)}` }));
  return (
    <div className="stack">
      <ChartPanel title="Funnel" table={() => ({ header: ['step', 'event', 'users', 'conversion', 'step_conversion', 'drop_off'], rows: r.steps.map((s, i) => [i + 1, labels[i] ?? '', s.users, s.conversion, s.stepConversion, s.dropOff]) })}>
        <ChartBox className="chart-box" data-testid="funnel-chart">
          {(size) => (
            <BarChart {...size} data={bars} margin={{ top: 24, right: 12, left: 4, bottom: 4 }}>
              <HorizontalGrid />
              <XAxis dataKey="step" tick={{ fontSize: 12 }} />
              <YAxis tickFormatter={formatInt} tick={{ fontSize: 12 }} width={64} />
              <Tooltip formatter={(v) => formatInt(Number(v))} />
              <Bar dataKey="users" fill="#2456d3" isAnimationActive={false}><LabelList dataKey="label" position="top" fontSize={12} /></Bar>
            </BarChart>
          )}
        </ChartBox>
        <table data-testid="funnel-table">
          <thead><tr><th>Step</th><th className="num">Users</th><th className="num">From start</th><th className="num">From previous</th><th className="num">Dropped</th><th>Export users</th></tr></thead>
          <tbody>
            {r.steps.map((s, i) => (
              <tr key={i}>
                <td>{i + 1}. {labels[i]}</td>
                <td className="num" data-testid={`funnel-step-${i + 1}`}>{formatInt(s.users)}</td>
                <td className="num">{formatPct(s.conversion)}</td>
                <td className="num">{i === 0 ? '—' : formatPct(s.stepConversion)}</td>
                <td className="num">{i === 0 ? '—' : formatInt(s.dropOff)}</td>
                <td className="row">
                  <button className="small" onClick={() => onExport(i + 1, true)}>Reached</button>
                  {i > 0 && <button className="small" onClick={() => onExport(i + 1, false)}>Dropped here</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartPanel>
      <div className="grid2">
        <ChartPanel title="Time between steps" table={() => ({ header: ['transition', 'bucket', 'users'], rows: r.timeToStep.flatMap((t, i) => t.histogram.map((h) => [`${i + 1}→${i + 2}`, h.label, h.users])) })}>
          {r.timeToStep.map((t, i) => (
            <div key={i}>
              <h3>{labels[i]} → {labels[i + 1]} <span className="muted">median {formatMs(t.medianMs)}</span></h3>
              <ChartBox style={{ height: 140 }}>
                {(size) => (
                  <BarChart {...size} data={t.histogram}><XAxis dataKey="label" tick={{ fontSize: 11 }} /><YAxis tick={{ fontSize: 11 }} width={48} /><Tooltip /><Bar dataKey="users" fill="#0f9d8a" isAnimationActive={false} /></BarChart>
                )}
              </ChartBox>
            </div>
          ))}
        </ChartPanel>
        <ChartPanel title="Conversion over time" table={() => ({ header: ['day', 'entered', 'converted', 'rate'], rows: r.byDay.map((d) => [d.day, d.entered, d.converted, d.rate]) })}>
          <p className="muted" style={{ marginTop: 0 }}>By the day of each user's first step-1 event.</p>
          <ChartBox className="chart-box small">
            {(size) => (
              <LineChart {...size} data={r.byDay}><HorizontalGrid /><XAxis dataKey="day" minTickGap={30} tick={{ fontSize: 11 }} /><YAxis tickFormatter={(v: number) => formatPct(v)} tick={{ fontSize: 11 }} width={60} /><Tooltip formatter={(v) => formatPct(Number(v))} /><Line dataKey="rate" name="Conversion" stroke="#2456d3" dot={false} isAnimationActive={false} /></LineChart>
            )}
          </ChartBox>
        </ChartPanel>
      </div>
      {r.breakdown && (
        <ChartPanel title="Breakdown" table={() => ({ header: ['value', 'entered', ...labels.map((l, i) => `step_${i + 1}_${l}`)], rows: (r.breakdown ?? []).map((b) => [b.key, b.entered, ...b.steps]) })}>
          <table>
            <thead><tr><th>Value</th>{labels.map((l, i) => <th key={i} className="num">{i + 1}. {l}</th>)}<th className="num">Conversion</th></tr></thead>
            <tbody>
              {r.breakdown.map((b) => (
                <tr key={b.key}><td>{b.key}</td>{b.steps.map((n, i) => <td key={i} className="num">{formatInt(n)}</td>)}<td className="num">{formatPct(b.entered ? (b.steps.at(-1) ?? 0) / b.entered : 0)}</td></tr>
              ))}
            </tbody>
          </table>
        </ChartPanel>
      )}
    </div>
  );
}
