// The overview dashboard: KPI tiles, the daily series, the event-type mix and top items/categories,
// all over an optional range of UTC days. One pass over the events in range per query.
import { cents } from '../lib/money';
import type { EventTable } from './event-table';
import { DAY_MS, dayKeys, groupBy, type Grouping } from './indexes';

/** Type codes fixed by CANONICAL_TYPES. */
const VIEW = 0, PURCHASE = 5, REFUND = 6;
/** Entries in each top list. */
export const TOP_N = 10;

/** Headline figures. `orders` counts distinct order ids of purchases, or purchase events without ids. */
export interface Kpis {
  events: number;
  users: number;
  sessions: number;
  items: number;
  orders: number;
  purchasers: number;
  netRevenue: number;
  /** Net revenue ÷ orders (0 without orders). */
  aov: number;
  /** Purchasers ÷ active users (0 without users). */
  conversion: number;
}

/** One UTC day of the series. */
export interface DailyPoint {
  day: string;
  events: number;
  users: number;
  revenue: number;
}

/** A named figure in a top list. */
export interface Ranked {
  name: string;
  value: number;
}

/** Everything the overview screen shows. */
export interface Overview {
  kpis: Kpis;
  /** The whole span, for the chart and its brush. */
  daily: DailyPoint[];
  /** Inclusive day indexes into `daily` the other figures cover. */
  range: [number, number];
  types: { type: string; count: number }[];
  topItems: { byRevenue: Ranked[]; byViews: Ranked[] } | null;
  topCategories: { byRevenue: Ranked[]; byViews: Ranked[] } | null;
  hasOrderIds: boolean;
  hasViews: boolean;
}

/** Per-dataset structures the overview reuses across queries. */
export interface OverviewIndex {
  byDay: Grouping;
  /** Day number (days since 1970-01-01) of day index 0. */
  firstDay: number;
  daily: DailyPoint[];
  /** Display label per item code: its name and id when the source names items, else the id. */
  itemLabels: string[];
  /** Whether the dataset has any view events (order exports have none). */
  hasViews: boolean;
}


/** Groups events by day and computes the daily series once. */
export function buildOverviewIndex(t: EventTable): OverviewIndex {
  const { keys, firstDay, days } = dayKeys(t.ts);
  const byDay = groupBy(keys, days);
  const seen = new Int32Array(t.dicts.user?.length ?? 0).fill(-1);
  const daily: DailyPoint[] = [];
  for (let d = 0; d < days; d++) {
    let users = 0, revenue = 0;
    const a = byDay.offsets[d] as number, b = byDay.offsets[d + 1] as number;
    for (let i = a; i < b; i++) {
      const e = byDay.order[i] as number;
      const u = t.user[e] as number;
      if (u >= 0 && seen[u] !== d) {
        seen[u] = d;
        users++;
      }
      revenue += t.revenue[e] as number;
    }
    daily.push({ day: new Date((firstDay + d) * DAY_MS).toISOString().slice(0, 10), events: b - a, users, revenue: cents(revenue) });
  }
  return { byDay, firstDay, daily, itemLabels: itemLabels(t), hasViews: t.type.includes(VIEW) };
}

/** `WHITE HANGING HEART (85123A)` where the source names items, else the item id. */
function itemLabels(t: EventTable): string[] {
  const ids = t.dicts.item ?? [];
  const { item, name } = t.codes;
  const names = t.dicts.name ?? [];
  const labels = [...ids];
  if (!item || !name) return labels;
  const done = new Uint8Array(ids.length);
  for (let e = 0; e < t.n; e++) {
    const i = item[e] as number, nm = name[e] as number;
    if (i < 0 || nm < 0 || done[i]) continue;
    done[i] = 1;
    labels[i] = `${names[nm]} (${ids[i]})`;
  }
  return labels;
}

/** Marks codes as seen and counts distinct ones. */
class Distinct {
  private readonly seen: Uint8Array;
  count = 0;
  constructor(size: number) {
    this.seen = new Uint8Array(size);
  }
  add(code: number): void {
    if (code >= 0 && this.seen[code] === 0) {
      this.seen[code] = 1;
      this.count++;
    }
  }
}

/** Computes the overview for days [from, to] (whole span by default). */
export function overview(t: EventTable, idx: OverviewIndex, range?: [number, number]): Overview {
  const last = idx.daily.length - 1;
  const from = Math.max(0, Math.min(range?.[0] ?? 0, last));
  const to = Math.max(from, Math.min(range?.[1] ?? last, last));
  const size = (col: string) => t.dicts[col]?.length ?? 0;
  const users = new Distinct(size('user')), purchasers = new Distinct(size('user'));
  const sessions = new Distinct(t.sessionCount);
  const items = new Distinct(size('item')), orders = new Distinct(size('order'));
  const typeCounts = new Float64Array(256);
  const { item, category, order } = t.codes;
  const itemRev = new Float64Array(size('item')), itemViews = new Float64Array(size('item'));
  const catRev = new Float64Array(size('category')), catViews = new Float64Array(size('category'));
  let events = 0, revenue = 0, purchaseEvents = 0;
  const a = idx.byDay.offsets[from] ?? 0, b = idx.byDay.offsets[to + 1] ?? 0;
  for (let i = a; i < b; i++) {
    const e = idx.byDay.order[i] as number;
    const type = t.type[e] as number;
    const u = t.user[e] as number;
    events++;
    typeCounts[type] = (typeCounts[type] as number) + 1;
    users.add(u);
    sessions.add(t.session[e] as number);
    const it = item ? (item[e] as number) : -1, cat = category ? (category[e] as number) : -1;
    items.add(it);
    if (type === VIEW) {
      if (it >= 0) itemViews[it] = (itemViews[it] as number) + 1;
      if (cat >= 0) catViews[cat] = (catViews[cat] as number) + 1;
    } else if (type === PURCHASE || type === REFUND) {
      const r = t.revenue[e] as number;
      revenue += r;
      if (it >= 0) itemRev[it] = (itemRev[it] as number) + r;
      if (cat >= 0) catRev[cat] = (catRev[cat] as number) + r;
      if (type === PURCHASE) {
        purchaseEvents++;
        purchasers.add(u);
        if (order) orders.add(order[e] as number);
      }
    }
  }
  const orderCount = order ? orders.count : purchaseEvents;
  const names = (col: string) => t.dicts[col] ?? [];
  const typeNames = names('type');
  return {
    kpis: {
      events, users: users.count, sessions: sessions.count, items: items.count, orders: orderCount, purchasers: purchasers.count,
      netRevenue: cents(revenue), aov: orderCount > 0 ? revenue / orderCount : 0, conversion: users.count > 0 ? purchasers.count / users.count : 0,
    },
    daily: idx.daily,
    range: [from, to],
    types: [...typeCounts].map((count, c) => ({ type: typeNames[c] ?? `#${c}`, count })).filter((x) => x.count > 0).sort((x, y) => y.count - x.count),
    topItems: item ? { byRevenue: top(itemRev, idx.itemLabels), byViews: top(itemViews, idx.itemLabels) } : null,
    topCategories: category ? { byRevenue: top(catRev, names('category')), byViews: top(catViews, names('category')) } : null,
    hasOrderIds: Boolean(order),
    hasViews: idx.hasViews,
  };
}

/** The TOP_N largest positive values with their names. */
export function top(values: Float64Array, names: string[]): Ranked[] {
  const best: Ranked[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v <= 0 || (best.length === TOP_N && v <= (best[TOP_N - 1] as Ranked).value)) continue;
    let j = best.length < TOP_N ? best.length : TOP_N - 1;
    while (j > 0 && (best[j - 1] as Ranked).value < v) j--;
    best.splice(j, 0, { name: names[i] ?? `#${i}`, value: cents(v) });
    if (best.length > TOP_N) best.pop();
  }
  return best;
}
