// The retention triangle as a heat map; cells are buttons for keyboard users too.
import { formatInt, formatPct } from '../../../lib/format';
import type { RetentionResult } from '../../../state/analysis';

interface Props {
  r: RetentionResult;
  unit: string;
  compare: number | null;
  onCompare(cohort: number | null): void;
  onCell(cohort: number, n: number): void;
}

/** Blue with opacity by share, readable text on top. */
const shade = (share: number) => ({ background: `rgba(36, 86, 211, ${0.08 + 0.85 * share})`, color: share > 0.5 ? '#fff' : 'var(--ink)' });

/** Heat-map table of a retention result. */
export function RetentionTable({ r, unit, compare, onCompare, onCell }: Props) {
  return (
    <div className="scroll" style={{ maxHeight: '28rem' }}>
      <table className="heat" data-testid="retention-table">
        <thead>
          <tr><th>Cohort</th><th className="num">Users</th>{Array.from({ length: r.periods }, (_, n) => <th key={n}>{unit} {n}</th>)}</tr>
        </thead>
        <tbody>
          {r.cohorts.map((c, i) => (
            <tr key={c.label}>
              <td><button className="small" aria-pressed={compare === i} onClick={() => onCompare(compare === i ? null : i)}>{c.label}</button></td>
              <td className="num">{formatInt(c.size)}</td>
              {Array.from({ length: r.periods }, (_, n) => {
                const v = c.retained[n];
                if (v === undefined) return <td key={n} />;
                const share = c.size > 0 ? v / c.size : 0;
                return (
                  <td key={n} className="cell" style={shade(share)} tabIndex={0} role="button" title={`${formatInt(v)} of ${formatInt(c.size)} users`}
                    onClick={() => onCell(i, n)} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onCell(i, n)}>
                    {formatPct(share)}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <td><strong>Average</strong></td><td />
            {r.average.map((a, n) => <td key={n} style={shade(a)}><strong>{formatPct(a)}</strong></td>)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
