// Per-period totals of one target (net revenue, orders, units, active users) for forecasting: the
// whole shop or one category / country / item. Periods are UTC days or ISO weeks (Monday); periods
// without sales are 0, and partial weeks at either end are dropped (they would read as a drop).
import { cents } from '../lib/money';
import type { CodeColumn, EventTable } from './event-table';
import { DAY_MS, type Grouping } from './indexes';

/** What a forecast predicts. */
export type SeriesTarget = 'revenue' | 'orders' | 'units' | 'users';

/** A slice of the shop: events whose `column` code equals `code`. */
export interface SeriesScope {
  column: CodeColumn;
  code: number;
}

/** A regular series: values[i] belongs to the period starting `start` + i periods. */
export interface PeriodSeries {
  start: string;
  freq: 'day' | 'week';
  values: Float64Array;
}

const PURCHASE = 5, REFUND = 6;

/** Totals per period from events grouped by day (`byDay` groups day index d = day number − firstDay). */
export function periodSeries(t: EventTable, byDay: Grouping, firstDay: number, target: SeriesTarget, freq: 'day' | 'week', scope?: SeriesScope): PeriodSeries {
  const days = byDay.offsets.length - 1;
  // Weeks start on Monday; day number 0 (1970-01-01) was a Thursday.
  const skip = freq === 'day' ? 0 : (7 - ((firstDay + 3) % 7)) % 7;
  const len = freq === 'day' ? 1 : 7;
  const periods = Math.max(0, Math.floor((days - skip) / len));
  const values = new Float64Array(periods);
  const filter = scope ? t.codes[scope.column] : undefined;
  if (scope && !filter) return { start: iso(firstDay + skip), freq, values };
  const distinctOf = target === 'users' ? t.user : target === 'orders' ? t.codes.order : undefined;
  const stamp = distinctOf ? new Int32Array((target === 'users' ? t.dicts.user : t.dicts.order)?.length ?? 0).fill(-1) : null;
  for (let p = 0; p < periods; p++) {
    let v = 0;
    const a = byDay.offsets[skip + p * len] as number, b = byDay.offsets[skip + (p + 1) * len] as number;
    for (let i = a; i < b; i++) {
      const e = byDay.order[i] as number;
      if (filter && filter[e] !== scope?.code) continue;
      const type = t.type[e] as number;
      if (target === 'users') {
        const u = t.user[e] as number;
        if (u >= 0 && stamp && stamp[u] !== p) {
          stamp[u] = p;
          v++;
        }
      } else if (target === 'revenue') {
        if (type === PURCHASE || type === REFUND) v += t.revenue[e] as number;
      } else if (type === PURCHASE) {
        if (target === 'units') v += t.quantity[e] as number;
        else if (!distinctOf || !stamp) v++; // no order ids: each purchase event is an order
        else {
          const o = distinctOf[e] as number;
          if (o >= 0 && stamp[o] !== p) {
            stamp[o] = p;
            v++;
          }
        }
      }
    }
    values[p] = target === 'revenue' ? cents(v) : v;
  }
  return { start: iso(firstDay + skip), freq, values };
}

const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
