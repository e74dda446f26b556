// Daily events, active users and revenue, with a brush that sets the range every other figure covers.
import { useEffect, useRef, useState } from 'react';
import { Bar, Brush, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact, formatMoney } from '../../../lib/format';
import type { DailyPoint } from '../../../state/overview';

/** Delay before a brush drag turns into a query. */
const BRUSH_DEBOUNCE_MS = 250;

interface Props {
  daily: DailyPoint[];
  range: [number, number];
  onRange(r: [number, number] | undefined): void;
}

/** The time-series chart with its date-range brush. */
export function DailyChart({ daily, range, onRange }: Props) {
  const [brush, setBrush] = useState(range);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const full = brush[0] === 0 && brush[1] === daily.length - 1;
  const change = (r: { startIndex?: number; endIndex?: number }) => {
    const next: [number, number] = [r.startIndex ?? 0, r.endIndex ?? daily.length - 1];
    setBrush(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onRange(next), BRUSH_DEBOUNCE_MS);
  };
  const reset = () => {
    setBrush([0, daily.length - 1]);
    onRange(undefined);
  };
  return (
    <section className="panel">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>Daily activity</h2>
        <div className="row">
          <span className="muted" data-testid="range-label">{daily[brush[0]]?.day} – {daily[brush[1]]?.day} (UTC)</span>
          {!full && <button onClick={reset}>Show all days</button>}
        </div>
      </div>
      <div className="chart-box" data-testid="daily-chart">
        <ResponsiveContainer>
          <ComposedChart data={daily} margin={{ top: 8, right: 12, left: 4, bottom: 4 }}>
            <CartesianGrid stroke="#eef0f5" vertical={false} />
            <XAxis dataKey="day" minTickGap={40} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="count" tickFormatter={formatCompact} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="money" orientation="right" tickFormatter={formatCompact} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v, name) => (name === 'Revenue' ? formatMoney(Number(v)) : Number(v).toLocaleString('en-US'))} />
            <Legend />
            <Bar yAxisId="count" dataKey="events" name="Events" fill="#c9d6f7" isAnimationActive={false} />
            <Line yAxisId="count" dataKey="users" name="Active users" stroke="#2456d3" dot={false} strokeWidth={2} isAnimationActive={false} />
            <Line yAxisId="money" dataKey="revenue" name="Revenue" stroke="#0f9d8a" dot={false} strokeWidth={2} isAnimationActive={false} />
            {daily.length > 1 && <Brush dataKey="day" height={26} stroke="#2456d3" startIndex={brush[0]} endIndex={brush[1]} onChange={change} />}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
