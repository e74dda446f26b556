import { describe, it, expect } from 'vitest';
import { CANONICAL_TYPES, FIELDS } from './types';
import { DEMO_DEFAULT_USERS, DEMO_EVENTS_PER_USER, DEMO_HEADER, DEMO_MAPPING, demoLabels, generateDemoRows, type DemoOptions } from './demo-store';

const DAY = 86_400_000;
const START = Date.parse('2026-05-01T00:00:00Z');
const C = Object.fromEntries(DEMO_HEADER.map((name, i) => [name, i])) as Record<(typeof DEMO_HEADER)[number], number>;

/** All rows of a shop, batches concatenated. */
function allRows(opts: DemoOptions, batchSize?: number): string[][] {
  const rows: string[][] = [];
  for (const batch of generateDemoRows(opts, batchSize)) rows.push(...batch);
  return rows;
}

const col = (row: readonly string[], name: (typeof DEMO_HEADER)[number]): string => row[C[name]] ?? '';
const dayOf = (row: readonly string[]): number => Math.floor((Number(col(row, 'time')) - START) / DAY);
const isWeekend = (d: number): boolean => [0, 6].includes(new Date(START + d * DAY).getUTCDay());
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Adds one to a counter in a map. */
function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

// The default shop is generated once for the whole file (≈0.7 s).
const OPTS = { seed: 42 };
const rows = allRows(OPTS);
const labels = demoLabels(OPTS);
const eventsByUser = new Map<string, string[][]>();
for (const row of rows) {
  const list = eventsByUser.get(col(row, 'user')) ?? [];
  list.push(row);
  eventsByUser.set(col(row, 'user'), list);
}
const promoStart = (Date.parse(`${labels.promotion.start}T00:00:00Z`) - START) / DAY;
const promoEnd = (Date.parse(`${labels.promotion.end}T00:00:00Z`) - START) / DAY;
const usersOfType = (type: string): string[] => [...eventsByUser.keys()].filter((u) => labels.userTypes[u] === type);
const rowsOfType = (type: string, eventType: string): string[][] =>
  rows.filter((r) => labels.userTypes[col(r, 'user')] === type && col(r, 'type') === eventType);

describe('demo store: format', () => {
  it('maps every header column onto the canonical field of the same name', () => {
    for (const [field, index] of Object.entries(DEMO_MAPPING.columns)) expect(DEMO_HEADER[index]).toBe(field);
    expect(DEMO_HEADER.every((name) => (FIELDS as readonly string[]).includes(name))).toBe(true);
    expect(DEMO_MAPPING.timeFormat).toBe('unix-auto');
  });

  it('writes well-formed rows in time order over 120 days', () => {
    const times = rows.map((r) => Number(col(r, 'time')));
    expect(times.findIndex((t, i) => i > 0 && t < (times[i - 1] ?? 0))).toBe(-1);
    const first = times[0] ?? 0;
    const last = times.at(-1) ?? 0;
    expect(first).toBeGreaterThanOrEqual(START);
    expect((last - first) / DAY).toBeGreaterThan(119);
    expect((last - START) / DAY).toBeLessThan(120);
    const shapes: [(typeof DEMO_HEADER)[number], RegExp][] = [
      ['time', /^\d{13}$/], ['user', /^u\d{6}$/], ['session', /^s\d{7}$/], ['quantity', /^[1-9]\d*$/],
      ['country', /^[A-Z]{2}$/], ['channel', /^(organic|paid_search|email|social|direct)$/],
    ];
    const itemShapes: typeof shapes = [['item', /^i\d{5}$/], ['category', /^[a-z]+\.[a-z]+$/], ['brand', /^[a-z]+$/], ['price', /^\d+\.\d\d$/]];
    const bad = rows.filter((row) =>
      row.length !== DEMO_HEADER.length ||
      !(CANONICAL_TYPES as readonly string[]).includes(col(row, 'type')) ||
      shapes.some(([name, re]) => !re.test(col(row, name))) ||
      // Checkout rows are about the whole cart and carry no item.
      (col(row, 'type') !== 'checkout' && itemShapes.some(([name, re]) => !re.test(col(row, name)))));
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('has about 200k events; `users` scales the size linearly', () => {
    expect(rows.length).toBeGreaterThan(170_000);
    expect(rows.length).toBeLessThan(230_000);
    expect(rows.length / DEMO_DEFAULT_USERS / DEMO_EVENTS_PER_USER).toBeCloseTo(1, 1);
    // Half the users, about half the events (bots and fraud have minimum counts, so not exactly).
    const half = allRows({ seed: 42, users: DEMO_DEFAULT_USERS / 2 }).length;
    expect(half / rows.length).toBeGreaterThan(0.42);
    expect(half / rows.length).toBeLessThan(0.58);
  });

  it('gives every purchase an order id and a positive price, and only purchases and refunds one', () => {
    const purchased = new Set<string>();
    const bad: string[][] = [];
    for (const row of rows) {
      const type = col(row, 'type');
      const order = col(row, 'order');
      if (type === 'purchase') {
        if (!/^o\d{6}$/.test(order) || !(Number(col(row, 'price')) > 0)) bad.push(row);
        purchased.add(order);
      } else if (type === 'refund') {
        if (!purchased.has(order)) bad.push(row);
      } else if (order !== '' || col(row, 'quantity') !== '1') {
        bad.push(row);
      }
    }
    expect(bad.slice(0, 3)).toEqual([]);
    expect(purchased.size).toBeGreaterThan(1000);
  });
});

describe('demo store: determinism and options', () => {
  const small: DemoOptions = { seed: 3, users: 300, days: 30 };

  it('repeats exactly for the same seed, whatever the batch size, and differs for another seed', () => {
    const a = allRows(small);
    expect(allRows(small, 777)).toEqual(a);
    expect(demoLabels(small)).toEqual(demoLabels(small));
    expect(allRows({ ...small, seed: 4 })).not.toEqual(a);
  });

  it('yields full batches of the requested size', () => {
    const sizes = [...generateDemoRows(small, 500)].map((b) => b.length);
    expect(sizes.slice(0, -1).every((n) => n === 500)).toBe(true);
    expect(sizes.at(-1)).toBeLessThanOrEqual(500);
  });

  it('rejects bad options', () => {
    expect(() => allRows({ seed: 1, start: 'May 1st' })).toThrow(RangeError);
    expect(() => allRows({ seed: 1, days: 3 })).toThrow(RangeError);
    expect(() => allRows({ seed: 1, users: 10 })).toThrow(RangeError);
    expect(() => allRows({ seed: 1 }, 0)).toThrow(RangeError);
  });
});

describe('demo store: shop behaviour', () => {
  it('narrows the funnel: viewers > carters > buyers', () => {
    const usersWith = (type: string): number => new Set(rows.filter((r) => col(r, 'type') === type).map((r) => col(r, 'user'))).size;
    expect(usersWith('view')).toBeGreaterThan(usersWith('cart') * 1.3);
    expect(usersWith('cart')).toBeGreaterThan(usersWith('purchase') * 1.1);
    for (const type of ['remove_from_cart', 'wishlist', 'checkout', 'refund']) expect(usersWith(type)).toBeGreaterThan(0);
  });

  const perDay = new Map<number, number>();
  const purchasesPerDay = new Map<number, number>();
  for (const row of rows) {
    bump(perDay, dayOf(row));
    if (col(row, 'type') === 'purchase') bump(purchasesPerDay, dayOf(row));
  }
  const days = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('has busier weekends than weekdays', () => {
    const ordinary = days(0, 119).filter((d) => d < promoStart || d > promoEnd);
    const weekend = mean(ordinary.filter(isWeekend).map((d) => perDay.get(d) ?? 0));
    const weekday = mean(ordinary.filter((d) => !isWeekend(d)).map((d) => perDay.get(d) ?? 0));
    expect(weekend / weekday).toBeGreaterThan(1.2);
  });

  it('grows: the last 30 days are busier than the first 30', () => {
    const total = (ds: number[]): number => ds.reduce((a, d) => a + (perDay.get(d) ?? 0), 0);
    expect(total(days(90, 119)) / total(days(0, 29))).toBeGreaterThan(1.2);
  });

  it('has a promotion with far more purchases per day than the surrounding weeks', () => {
    expect(promoEnd - promoStart).toBeGreaterThanOrEqual(2);
    const during = mean(days(promoStart, promoEnd).map((d) => purchasesPerDay.get(d) ?? 0));
    const around = mean([...days(promoStart - 14, promoStart - 1), ...days(promoEnd + 1, promoEnd + 14)].map((d) => purchasesPerDay.get(d) ?? 0));
    expect(during / around).toBeGreaterThan(2.5);
    expect(labels.anomalies.filter((a) => a.kind === 'promotion')).toHaveLength(1);
  });

  it('has Zipf-like item popularity: the top 1% of items take a large share of views', () => {
    const views = new Map<string, number>();
    for (const row of rows) if (col(row, 'type') === 'view') bump(views, col(row, 'item'));
    const counts = [...views.values()].sort((a, b) => b - a);
    expect(counts.length).toBeGreaterThan(1500);
    const top = counts.slice(0, 20).reduce((a, b) => a + b, 0);
    expect(top / counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.2);
    expect(new Set(rows.map((r) => col(r, 'category')).filter(Boolean)).size).toBe(20);
    expect(new Set(rows.map((r) => col(r, 'brand')).filter(Boolean)).size).toBeGreaterThan(40);
  });
});

describe('demo store: labelled users and anomalies', () => {
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const countOf = (user: string, type: string): number => (eventsByUser.get(user) ?? []).filter((r) => col(r, 'type') === type).length;

  it('labels every user in the rows, with all six types present', () => {
    for (const user of eventsByUser.keys()) expect(labels.userTypes[user]).toBeDefined();
    const types = new Set(Object.values(labels.userTypes));
    expect([...types].sort()).toEqual(['bargain', 'bot', 'churning', 'fraud', 'loyal', 'one-off']);
    expect(labels.seed).toBe(OPTS.seed);
  });

  it('makes bots crawl: many regular views, no purchases, inside their labelled window', () => {
    const bots = usersOfType('bot');
    expect(bots.length).toBeGreaterThanOrEqual(2);
    const humans = [...eventsByUser.keys()].filter((u) => !['bot', 'fraud'].includes(labels.userTypes[u] ?? ''));
    const humanMedian = median(humans.map((u) => eventsByUser.get(u)?.length ?? 0));
    for (const bot of bots) {
      const events = eventsByUser.get(bot) ?? [];
      expect(events.length).toBeGreaterThan(20 * humanMedian);
      expect(events.every((r) => col(r, 'type') === 'view')).toBe(true);
      const window = labels.anomalies.find((a) => a.kind === 'bot' && a.user === bot);
      const times = events.map((r) => Number(col(r, 'time')));
      expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(window?.start ?? ''));
      expect(Math.max(...times)).toBeLessThan(Date.parse(window?.end ?? ''));
      // Inhuman regularity: within a session every gap between views is identical.
      const session = events.filter((r) => col(r, 'session') === col(events[0] ?? [], 'session')).map((r) => Number(col(r, 'time')));
      expect(new Set(session.slice(1).map((t, i) => t - (session[i] ?? 0))).size).toBe(1);
    }
  });

  it('keeps churning users silent in the last 30 days (and active before)', () => {
    const churners = usersOfType('churning');
    expect(churners.length).toBeGreaterThan(100);
    const cutoff = START + 90 * DAY;
    const late = churners.filter((u) => (eventsByUser.get(u) ?? []).some((r) => Number(col(r, 'time')) >= cutoff));
    expect(late).toEqual([]);
  });

  it('gives fraud accounts a burst of dear orders across countries, with refunds', () => {
    const fraud = usersOfType('fraud');
    expect(fraud.length).toBeGreaterThanOrEqual(3);
    const allPrices = rows.filter((r) => col(r, 'type') === 'purchase').map((r) => Number(col(r, 'price')));
    for (const user of fraud) {
      const events = eventsByUser.get(user) ?? [];
      const countries = new Set(events.map((r) => col(r, 'country')));
      expect(countOf(user, 'refund') > 0 || countries.size >= 3).toBe(true);
      const window = labels.anomalies.find((a) => a.kind === 'fraud-burst' && a.user === user);
      const orders = events.filter((r) => col(r, 'type') === 'purchase');
      expect(orders.length).toBeGreaterThanOrEqual(3);
      for (const row of orders) {
        const ts = Number(col(row, 'time'));
        expect(ts).toBeGreaterThanOrEqual(Date.parse(window?.start ?? ''));
        expect(ts).toBeLessThan(Date.parse(window?.end ?? ''));
        expect(Number(col(row, 'price'))).toBeGreaterThan(median(allPrices) * 5);
      }
    }
  });

  it('makes human types behave differently', () => {
    const purchasesPerUser = (type: string): number => mean(usersOfType(type).map((u) => countOf(u, 'purchase')));
    expect(purchasesPerUser('loyal')).toBeGreaterThan(3 * purchasesPerUser('one-off'));
    // One-off users come once.
    const repeat = usersOfType('one-off').filter((u) => new Set((eventsByUser.get(u) ?? []).map((r) => col(r, 'session'))).size !== 1);
    expect(repeat).toEqual([]);
    // Loyal baskets are bigger, bargain hunters buy cheap and during the sale.
    const units = (type: string): number => mean(rowsOfType(type, 'purchase').map((r) => Number(col(r, 'quantity'))));
    expect(units('loyal')).toBeGreaterThan(units('churning'));
    const price = (type: string): number => median(rowsOfType(type, 'purchase').map((r) => Number(col(r, 'price'))));
    expect(price('bargain')).toBeLessThan(0.6 * price('loyal'));
    const promoShare = (type: string): number => {
      const bought = rowsOfType(type, 'purchase');
      return bought.filter((r) => dayOf(r) >= promoStart && dayOf(r) <= promoEnd).length / bought.length;
    };
    expect(promoShare('bargain')).toBeGreaterThan(2 * promoShare('loyal'));
  });
});
