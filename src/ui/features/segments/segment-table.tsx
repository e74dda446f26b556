// Segment figures with exports, and the documented score → segment map.
import { formatInt, formatMoney, formatPct } from '../../../lib/format';
import type { RfmAnswer, RfmSummary } from '../../../state/analysis';
import { ChartPanel } from '../../components/chart-panel';

interface Props {
  s: RfmSummary;
  rules: RfmAnswer['rules'];
  onExport(segment: number, name: string): void;
}

/** Table of segments: customers, revenue share, AOV, export; plus the R/F rules. */
export function SegmentTable({ s, rules, onExport }: Props) {
  return (
    <ChartPanel title="Segments" table={() => ({ header: ['segment', 'customers', 'share', 'revenue', 'revenue_share', 'orders', 'aov'], rows: s.segments.map((x) => [x.name, x.customers, s.customers ? x.customers / s.customers : 0, x.revenue, x.revenueShare, x.orders, x.aov]) })}>
      <table data-testid="segment-table">
        <thead><tr><th>Segment</th><th className="num">Customers</th><th className="num">Revenue share</th><th className="num">AOV</th><th>Rule</th><th /></tr></thead>
        <tbody>
          {s.segments.map((x, i) => (
            <tr key={x.name}>
              <td>{x.name}</td>
              <td className="num" data-testid={`segment-count-${x.name}`}>{formatInt(x.customers)}</td>
              <td className="num">{formatPct(x.revenueShare)}</td>
              <td className="num">{formatMoney(x.aov)}</td>
              <td className="muted" style={{ whiteSpace: 'normal', fontSize: '0.8rem' }}>{rules.filter((r) => r.segment === x.name).map((r) => `R${r.r} F${r.f}`).join(', ')}</td>
              <td><button className="small" disabled={x.customers === 0} onClick={() => onExport(i, x.name)} aria-label={`Export ${x.name}`}>CSV</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}
