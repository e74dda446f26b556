// History, the chosen forecast with its 80% and 95% bands, and optionally the backtest forecasts.
import { Area, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../components/chart-box';
import { formatCompact } from '../../../lib/format';
import type { ForecastAnswer, ModelForecast } from '../../../state/analysis';
import { HorizontalGrid } from '../../components/grid';

/** Past periods shown before the forecast, so the horizon stays readable. */
export const HISTORY_SHOWN = 180;

interface Point {
  date: string;
  actual?: number;
  forecast?: number;
  band80?: [number, number];
  band95?: [number, number];
  backtest?: number;
}

/** Chart points: the recent history, backtest forecasts laid over it, then the forecast. */
export function chartPoints(a: ForecastAnswer, m: ModelForecast, overlay: boolean): Point[] {
  const { dates, values } = a.history;
  const from = Math.max(0, dates.length - HISTORY_SHOWN);
  const points: Point[] = dates.slice(from).map((date, i) => ({ date, actual: values[from + i] }));
  const index = new Map(points.map((p, i) => [p.date, i]));
  if (overlay) {
    const runs = a.report.backtest.byModel[m.id] ?? [];
    a.report.backtest.origins.forEach((origin, o) => {
      const start = a.history.dates.indexOf(origin);
      (runs[o] ?? []).forEach((v, h) => {
        const p = points[index.get(a.history.dates[start + h] ?? '') ?? -1];
        if (p && start >= 0) p.backtest = v;
      });
    });
  }
  a.report.dates.forEach((date, h) => {
    points.push({ date, forecast: m.forecast[h], band80: [m.lower80[h] ?? 0, m.upper80[h] ?? 0], band95: [m.lower95[h] ?? 0, m.upper95[h] ?? 0] });
  });
  return points;
}

/** The forecast chart. */
export function ForecastChart({ points, label }: { points: Point[]; label: string }) {
  return (
    <ChartBox className="chart-box" style={{ height: 340 }} data-testid="forecast-chart">
      {(size) => (
        <ComposedChart {...size} data={points} margin={{ top: 8, right: 16, left: 4, bottom: 4 }}>
          <HorizontalGrid />
          <XAxis dataKey="date" minTickGap={40} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={formatCompact} tick={{ fontSize: 12 }} width={60} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => Math.round(Number(x)).toLocaleString('en-US')).join(' – ') : Math.round(Number(v)).toLocaleString('en-US'))} />
          <Legend />
          <Area dataKey="band95" name="95% interval" stroke="none" fill="#2456d3" fillOpacity={0.12} isAnimationActive={false} />
          <Area dataKey="band80" name="80% interval" stroke="none" fill="#2456d3" fillOpacity={0.22} isAnimationActive={false} />
          <Line dataKey="actual" name="Actual" stroke="#1d2433" dot={false} strokeWidth={1.5} isAnimationActive={false} />
          <Line dataKey="backtest" name="Backtest forecasts" stroke="#e07a1f" dot={false} strokeDasharray="4 3" isAnimationActive={false} connectNulls={false} />
          <Line dataKey="forecast" name={`Forecast (${label})`} stroke="#2456d3" dot={false} strokeWidth={2.5} isAnimationActive={false} />
        </ComposedChart>
      )}
    </ChartBox>
  );
}
