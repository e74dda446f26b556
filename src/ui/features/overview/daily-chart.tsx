// The daily series of one metric at a time, with a brush that sets the range every other figure covers.
import { useEffect, useRef, useState } from 'react';
import { Area, AreaChart, Brush, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact, formatInt, formatMoney } from '../../../lib/format';
import type { DailyPoint } from '../../../state/overview';
import { ChartPanel } from '../../components/chart-panel';
import { Segmented } from '../../components/segmented';
import { HorizontalGrid } from '../../components/grid';
import { ChartBox } from '../../components/chart-box';

/** Delay before a brush drag turns into a query. */
const BRUSH_DEBOUNCE_MS = 250;

type Metric = 'events' | 'users' | 'revenue';
const METRICS: [Metric, string][] = [['revenue', 'Net revenue'], ['events', 'Events'], ['users', 'Active users']];
const COLOR: Record<Metric, string> = { revenue: '#0f9d8a', events: '#2456d3', users: '#7a4cc2' };

interface Props {
  daily: DailyPoint[];
  onRange(r: [number, number] | undefined): void;
}

/** The time-series chart with its date-range brush. */
export function DailyChart({ daily, onRange }: Props) {
  const last = daily.length - 1;
  const [brush, setBrush] = useState<[number, number]>([0, last]);
  const [metric, setMetric] = useState<Metric>('revenue');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const full = brush[0] === 0 && brush[1] === last;
  const change = (r: { startIndex?: number; endIndex?: number }) => {
    const next: [number, number] = [r.startIndex ?? 0, r.endIndex ?? last];
    setBrush(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onRange(next[0] === 0 && next[1] === last ? undefined : next), BRUSH_DEBOUNCE_MS);
  };
  const reset = () => {
    setBrush([0, last]);
    onRange(undefined);
  };
  const fmt = metric === 'revenue' ? formatMoney : formatInt;
  const controls = (
    <>
      <Segmented<Metric> label="Metric" options={METRICS} value={metric} onChange={setMetric} />
      <span className="muted" data-testid="range-label">{daily[brush[0]]?.day} – {daily[brush[1]]?.day} (UTC)</span>
      {!full && <button className="small" onClick={reset}>Show all days</button>}
    </>
  );
  return (
    <ChartPanel title="Daily activity" actions={controls} table={() => ({ header: ['day', 'events', 'active_users', 'net_revenue'], rows: daily.map((d) => [d.day, d.events, d.users, d.revenue]) })}>
      {/* Drawn once its box is measured, in an interruptible render after the rest has painted. */}
      <ChartBox className="chart-box" data-testid="daily-chart">
        {(size) => (
          <AreaChart {...size} data={daily} margin={{ top: 8, right: 12, left: 4, bottom: 4 }}>
            <HorizontalGrid />
            <XAxis dataKey="day" interval={tickEvery(daily.length)} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={formatCompact} tick={{ fontSize: 12 }} width={56} interval={0} />
            <Tooltip formatter={(v) => fmt(Number(v))} />
            <Area dataKey={metric} name={METRICS.find(([m]) => m === metric)?.[1]} stroke={COLOR[metric]} fill={COLOR[metric]} fillOpacity={0.15} strokeWidth={2} isAnimationActive={false} />
            {daily.length > 1 && <Brush dataKey="day" height={26} stroke="#2456d3" startIndex={brush[0]} endIndex={brush[1]} onChange={change} />}
          </AreaChart>
        )}
      </ChartBox>
      <p className="muted" style={{ margin: 0 }}>Drag the handles under the chart to focus on a period: every figure on this page follows.</p>
    </ChartPanel>
  );
}

/**
 * A fixed tick interval (about 8 labels): recharts then skips measuring every label's width, which took
 * 100+ ms on a year of days. The value axis shows all of its few ticks (interval 0) for the same reason.
 */
function tickEvery(points: number): number {
  return Math.max(0, Math.ceil(points / 8) - 1);
}
