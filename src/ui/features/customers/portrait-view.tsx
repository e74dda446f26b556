// One customer's portrait: KPIs, segment, favourites, active hours and days, timeline.
import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../components/chart-box';
import { formatInt, formatMoney } from '../../../lib/format';
import type { Portrait } from '../../../state/analysis';
import { ChartPanel } from '../../components/chart-panel';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** The portrait of one user. */
export function PortraitView({ p }: { p: Portrait }) {
  const tiles: [string, string][] = [
    ['First seen', day(p.firstSeen)], ['Last seen', day(p.lastSeen)], ['Events', formatInt(p.events)], ['Sessions', formatInt(p.sessions)],
    ['Orders', formatInt(p.orders)], ['Net revenue', formatMoney(p.revenue)], ['Avg order value', formatMoney(p.aov)],
    ['Days between orders', p.daysBetweenOrders === null ? '—' : p.daysBetweenOrders.toFixed(1)],
  ];
  return (
    <div className="stack" data-testid="portrait">
      <div className="panel-head">
        <h2>Customer {p.user}</h2>
        <span className="badge" data-testid="portrait-segment">{p.segment ?? 'Not a customer yet'}{p.rfm && ` · R${p.rfm.r} F${p.rfm.f} M${p.rfm.m}`}</span>
      </div>
      <div className="tiles">
        {tiles.map(([label, value]) => <div className="tile" key={label}><div className="label">{label}</div><div className="value">{value}</div></div>)}
      </div>
      <div className="grid3">
        <ChartPanel title="Active hours (UTC)" table={() => ({ header: ['hour', 'events'], rows: p.hours.map((n, h) => [h, n]) })}>
          <SmallBars data={p.hours.map((n, h) => ({ k: String(h), n }))} />
        </ChartPanel>
        <ChartPanel title="Active days" table={() => ({ header: ['weekday', 'events'], rows: p.weekdays.map((n, d) => [WEEKDAYS[d] ?? '', n]) })}>
          <SmallBars data={p.weekdays.map((n, d) => ({ k: WEEKDAYS[d] ?? '', n }))} />
        </ChartPanel>
        <section className="panel">
          <h2>Favourites</h2>
          <h3>Categories</h3>
          {p.topCategories.length ? <ul>{p.topCategories.map((c) => <li key={c.name}>{c.name} <span className="muted">({formatInt(c.value)})</span></li>)}</ul> : <p className="muted">None recorded.</p>}
          <h3>Brands</h3>
          {p.topBrands.length ? <ul>{p.topBrands.map((c) => <li key={c.name}>{c.name} <span className="muted">({formatInt(c.value)})</span></li>)}</ul> : <p className="muted">None recorded.</p>}
        </section>
      </div>
      <ChartPanel title="Timeline" table={() => ({ header: ['time', 'type', 'item', 'category', 'price', 'revenue'], rows: p.timeline.map((e) => [stamp(e.ts), e.type, e.item ?? '', e.category ?? '', e.price, e.revenue]) })}>
        <div className="scroll">
          <table>
            <thead><tr><th>Time (UTC)</th><th>Event</th><th>Item</th><th>Category</th><th className="num">Price</th><th className="num">Revenue</th></tr></thead>
            <tbody>
              {p.timeline.map((e, i) => (
                <tr key={i}><td>{stamp(e.ts)}</td><td>{e.type}</td><td className="cell-name" title={e.item ?? ''}>{e.item ?? '—'}</td><td>{e.category ?? '—'}</td>
                  <td className="num">{Number.isNaN(e.price) ? '—' : formatMoney(e.price)}</td><td className="num">{e.revenue ? formatMoney(e.revenue) : ''}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        {p.events > p.timeline.length && <p className="muted">The latest {p.timeline.length} of {formatInt(p.events)} events.</p>}
      </ChartPanel>
    </div>
  );
}

function SmallBars({ data }: { data: { k: string; n: number }[] }) {
  return (
    <ChartBox style={{ height: 180 }}>
      {(size) => (
        <BarChart {...size} data={data}><XAxis dataKey="k" tick={{ fontSize: 10 }} interval={data.length > 12 ? 2 : 0} /><YAxis tick={{ fontSize: 10 }} width={36} allowDecimals={false} /><Tooltip /><Bar dataKey="n" name="Events" fill="#2456d3" isAnimationActive={false} /></BarChart>
      )}
    </ChartBox>
  );
}
