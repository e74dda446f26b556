// Event-type mix and top lists, as bars people can compare at a glance.
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatInt, formatMoney } from '../../../lib/format';
import type { Overview, Ranked } from '../../../state/overview';

/** Counts per event type. */
export function TypeChart({ types }: { types: Overview['types'] }) {
  return (
    <section className="panel">
      <h2>Event types</h2>
      <div className="chart-box small" data-testid="type-chart">
        <ResponsiveContainer>
          <BarChart data={types} layout="vertical" margin={{ left: 30, right: 20 }}>
            <XAxis type="number" tickFormatter={formatInt} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="type" width={110} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => formatInt(Number(v))} />
            <Bar dataKey="count" name="Events" fill="#2456d3" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/** A top-10 list with inline bars. */
export function TopList({ title, rows, money }: { title: string; rows: Ranked[]; money: boolean }) {
  const max = rows[0]?.value ?? 1;
  return (
    <section className="panel">
      <h3>{title}</h3>
      {rows.length === 0 ? <p className="muted">No data in the selected days.</p> : (
        <table>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td title={r.name} style={{ maxWidth: '14rem', overflow: 'hidden', textOverflow: 'ellipsis' }}>{r.name}</td>
                <td style={{ width: '40%' }}><div style={{ height: 8, borderRadius: 4, background: '#8fb0ff', width: `${(100 * r.value) / max}%` }} /></td>
                <td className="num">{money ? formatMoney(r.value) : formatInt(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
