// The path tree as a Sankey-like flow: one column per step, links sized by sessions.
import { Sankey, Tooltip } from 'recharts';
import { ChartBox } from '../../components/chart-box';
import type { PathResult } from '../../../state/analysis';

/** Flow chart of a path tree, read left to right (or right to left for paths before the anchor). */
export function PathFlow({ anchor, r, direction }: { anchor: string; r: PathResult; direction: 'next' | 'previous' }) {
  const index = new Map<string, number>([['', 0]]);
  const nodes = [{ name: `${anchor} (${r.anchorSessions.toLocaleString('en-US')})` }];
  for (const n of r.nodes) {
    index.set(n.id, nodes.length);
    nodes.push({ name: `${n.label} (${n.sessions.toLocaleString('en-US')})` });
  }
  const links = r.nodes.map((n) => {
    const from = index.get(n.parent ?? '') ?? 0, to = index.get(n.id) ?? 0;
    return direction === 'next' ? { source: from, target: to, value: n.sessions } : { source: to, target: from, value: n.sessions };
  });
  const perLevel = new Map<number, number>();
  for (const n of r.nodes) perLevel.set(n.level, (perLevel.get(n.level) ?? 0) + 1);
  const height = Math.max(320, 28 * Math.max(0, ...perLevel.values()));
  return (
    <ChartBox className="chart-box" style={{ height }} data-testid="path-flow">
      {(size) => (
        <Sankey {...size} data={{ nodes, links }} nodePadding={10} nodeWidth={10} margin={{ top: 10, right: 160, bottom: 10, left: 10 }} link={{ stroke: '#8fb0ff', strokeOpacity: 0.45 }} node={FlowNode}>
          <Tooltip />
        </Sankey>
      )}
    </ChartBox>
  );
}

/** A node bar with its label beside it. */
function FlowNode({ x, y, width, height, payload }: { x: number; y: number; width: number; height: number; payload: { name: string } }) {
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill="#2456d3" />
      <text x={x + width + 6} y={y + height / 2} dy="0.35em" fontSize={12} fill="#1d2433">{payload.name}</text>
    </g>
  );
}
