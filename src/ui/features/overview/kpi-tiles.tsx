// The KPI tiles of the overview.
import { formatInt, formatMoney, formatPct } from '../../../lib/format';
import type { Kpis } from '../../../state/overview';

/** Eight headline figures; each tile carries a test id and a tooltip with its definition. */
export function KpiTiles({ k, orderNote }: { k: Kpis; orderNote: string }) {
  const tiles: [string, string, string, string][] = [
    ['events', 'Events', formatInt(k.events), 'Rows stored for the selected days'],
    ['users', 'Users', formatInt(k.users), 'Distinct known users active in the selected days (anonymous events excluded)'],
    ['sessions', 'Sessions', formatInt(k.sessions), 'From the source, or split at 30 minutes of inactivity'],
    ['items', 'Items', formatInt(k.items), 'Distinct items with any event'],
    ['orders', 'Orders', formatInt(k.orders), orderNote],
    ['revenue', 'Net revenue', formatMoney(k.netRevenue), 'Purchases minus refunds'],
    ['aov', 'Avg order value', formatMoney(k.aov), 'Net revenue ÷ orders'],
    ['conversion', 'Purchase conversion', formatPct(k.conversion), `Purchasers (${formatInt(k.purchasers)}) ÷ active users`],
  ];
  return (
    <div className="tiles">
      {tiles.map(([id, label, value, help]) => (
        <div className="tile" key={id} title={help}>
          <div className="label">{label}</div>
          <div className="value" data-testid={`kpi-${id}`}>{value}</div>
        </div>
      ))}
    </div>
  );
}
