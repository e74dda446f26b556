// Event-type mix and top lists, as bars people can compare at a glance.
import { useState } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatInt, formatMoney } from '../../../lib/format';
import type { Overview, Ranked } from '../../../state/overview';
import { ChartPanel } from '../../components/chart-panel';
import { Segmented } from '../../components/segmented';

/** Counts per event type. */
export function TypeChart({ types }: { types: Overview['types'] }) {
  return (
    <ChartPanel title="Event types" table={() => ({ header: ['type', 'events'], rows: types.map((t) => [t.type, t.count]) })}>
      <div className="chart-box small" data-testid="type-chart">
        <ResponsiveContainer>
          <BarChart data={types} layout="vertical" margin={{ left: 8, right: 20 }}>
            <XAxis type="number" tickFormatter={formatInt} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="type" width={120} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => formatInt(Number(v))} />
            <Bar dataKey="count" name="Events" fill="#2456d3" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartPanel>
  );
}

type By = 'revenue' | 'views';

/** A top-10 list by revenue or by views, with inline bars. */
export function TopPanel({ title, lists, hasViews }: { title: string; lists: { byRevenue: Ranked[]; byViews: Ranked[] }; hasViews: boolean }) {
  const [by, setBy] = useState<By>('revenue');
  const rows = by === 'revenue' ? lists.byRevenue : lists.byViews;
  const max = rows[0]?.value ?? 1;
  const toggle = hasViews && <Segmented<By> label={`${title} ranking`} options={[['revenue', 'By revenue'], ['views', 'By views']]} value={by} onChange={setBy} />;
  return (
    <ChartPanel title={title} actions={toggle} table={() => ({ header: ['name', by === 'revenue' ? 'net_revenue' : 'views'], rows: rows.map((r) => [r.name, r.value]) })}>
      {rows.length === 0 ? <p className="muted">No {by === 'revenue' ? 'revenue' : 'views'} in the selected days.</p> : (
        <table>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td className="cell-name" title={r.name}>{r.name}</td>
                <td style={{ width: '30%' }}><div style={{ height: 8, borderRadius: 4, background: '#8fb0ff', width: `${(100 * r.value) / max}%` }} /></td>
                <td className="num">{by === 'revenue' ? formatMoney(r.value) : formatInt(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ChartPanel>
  );
}
