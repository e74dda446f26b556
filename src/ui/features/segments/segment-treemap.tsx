// Segments as a treemap: area = customers, colour = segment.
import { Tooltip, Treemap } from 'recharts';
import { ChartBox } from '../../components/chart-box';
import { formatInt, formatMoney, formatPct } from '../../../lib/format';
import type { RfmSummary } from '../../../state/analysis';
import { ChartPanel } from '../../components/chart-panel';

/** One colour per segment, from best to worst. */
export const SEGMENT_COLORS = ['#1b7f5b', '#2f9e6e', '#5cb88a', '#2456d3', '#6b8fe8', '#e0a21f', '#e07a1f', '#d2553a', '#b3261e', '#8a8f9c', '#5b6478'];

/** Treemap panel of the segments. */
export function SegmentTreemap({ s }: { s: RfmSummary }) {
  const data = s.segments.map((seg, i) => ({ name: seg.name, size: seg.customers, fill: SEGMENT_COLORS[i] ?? '#999', seg })).filter((d) => d.size > 0);
  return (
    <ChartPanel title="Customers by segment" table={() => ({ header: ['segment', 'customers', 'revenue', 'revenue_share', 'orders', 'aov'], rows: s.segments.map((x) => [x.name, x.customers, x.revenue, x.revenueShare, x.orders, x.aov]) })}>
      <ChartBox className="chart-box" style={{ height: 340 }} data-testid="segment-treemap">
        {(size) => (
          <Treemap {...size} data={data} dataKey="size" nameKey="name" stroke="#fff" isAnimationActive={false} content={<Tile />}>
            <Tooltip formatter={(v, _n, p) => {
              const seg = (p.payload as { seg: RfmSummary['segments'][number] }).seg;
              return [`${formatInt(Number(v))} customers · ${formatPct(seg.revenueShare)} of revenue · AOV ${formatMoney(seg.aov)}`, seg.name];
            }} />
          </Treemap>
        )}
      </ChartBox>
    </ChartPanel>
  );
}

/** A treemap cell with its name and count when there is room. */
function Tile(props: { x?: number; y?: number; width?: number; height?: number; name?: string; fill?: string; size?: number }) {
  const { x = 0, y = 0, width = 0, height = 0, name = '', fill = '#999', size = 0 } = props;
  const room = width > 70 && height > 34;
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill={fill} stroke="#fff" strokeWidth={2} />
      {room && <text x={x + 6} y={y + 18} fontSize={12} fill="#fff" stroke="none" fontWeight={600}>{name}</text>}
      {room && <text x={x + 6} y={y + 33} fontSize={11} fill="#fff" stroke="none">{formatInt(size)}</text>}
    </g>
  );
}
