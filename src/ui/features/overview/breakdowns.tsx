// Event-type mix and top lists, as bars people can compare at a glance.
import { useState } from 'react';
import { formatInt, formatMoney } from '../../../lib/format';
import type { Overview, Ranked } from '../../../state/overview';
import { ChartPanel } from '../../components/chart-panel';
import { Segmented } from '../../components/segmented';

/** Counts per event type, as inline bars (an HTML table renders in a fraction of an SVG chart's time). */
export function TypeChart({ types }: { types: Overview['types'] }) {
  return (
    <ChartPanel title="Event types" table={() => ({ header: ['type', 'events'], rows: types.map((t) => [t.type, t.count]) })}>
      <Bars rows={types.map((t) => ({ name: t.type, value: t.count }))} format={formatInt} testId="type-chart" />
    </ChartPanel>
  );
}

/** A list of named values with bars scaled to the largest. */
function Bars({ rows, format, testId }: { rows: Ranked[]; format(v: number): string; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <table data-testid={testId}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <td className="cell-name" title={r.name}>{r.name}</td>
            <td style={{ width: '40%' }}><div style={{ height: 8, borderRadius: 4, background: '#8fb0ff', width: `${(100 * r.value) / max}%` }} /></td>
            <td className="num">{format(r.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type By = 'revenue' | 'views';

/** A top-10 list by revenue or by views, with inline bars. */
export function TopPanel({ title, lists, hasViews }: { title: string; lists: { byRevenue: Ranked[]; byViews: Ranked[] }; hasViews: boolean }) {
  const [by, setBy] = useState<By>('revenue');
  const rows = by === 'revenue' ? lists.byRevenue : lists.byViews;
  const toggle = hasViews && <Segmented<By> label={`${title} ranking`} options={[['revenue', 'By revenue'], ['views', 'By views']]} value={by} onChange={setBy} />;
  return (
    <ChartPanel title={title} actions={toggle} table={() => ({ header: ['name', by === 'revenue' ? 'net_revenue' : 'views'], rows: rows.map((r) => [r.name, r.value]) })}>
      {rows.length === 0 ? <p className="muted">No {by === 'revenue' ? 'revenue' : 'views'} in the selected days.</p> : <Bars rows={rows} format={by === 'revenue' ? formatMoney : formatInt} />}
    </ChartPanel>
  );
}
