import { beforeAll, describe, expect, it } from 'vitest';
import type { EventTable } from '../analytics/event-table';
import { groupByUser } from '../analytics/indexes';
import { DAY_MS } from '../models/recsys/interactions';
import { useBackend } from '../models/recsys/neural/synthetic.test-util';
import { trainNextAction } from './next-action-run';

const [VIEW, CART, PURCHASE] = [0, 1, 5];
const USERS = 12, SESSIONS = 5, MINUTE = 60_000;
/** Session s of every user is on day 2s, except the last, six hours later, alone in the time split's test day. */
const sessionStart = (s: number) => 2 * s * DAY_MS + (s === SESSIONS - 1 ? DAY_MS / 4 : 0);

/** Every session: view A, view B, cart B, purchase B, a minute apart. Collapsing repeats would keep two of the four. */
function shop(): EventTable {
  const rows: { ts: number; user: number; session: number; type: number; item: number }[] = [];
  for (let u = 0; u < USERS; u++) {
    for (let s = 0; s < SESSIONS; s++) {
      const [a, b] = [(u + s) % 7, 7 + ((u * s) % 5)];
      [[VIEW, a], [VIEW, b], [CART, b], [PURCHASE, b]].forEach(([type, item], k) => rows.push({ ts: sessionStart(s) + k * MINUTE, user: u, session: u * SESSIONS + s, type: type as number, item: item as number }));
    }
  }
  const n = rows.length;
  return {
    n, ts: Float64Array.from(rows, (r) => r.ts), type: Uint8Array.from(rows, (r) => r.type), user: Int32Array.from(rows, (r) => r.user),
    session: Int32Array.from(rows, (r) => r.session), sessionCount: USERS * SESSIONS,
    price: new Float64Array(n), quantity: new Float64Array(n), revenue: new Float64Array(n), codes: { item: Int32Array.from(rows, (r) => r.item) },
    dicts: { item: Array.from({ length: 12 }, (_, i) => `p${i}`), user: Array.from({ length: USERS }, (_, u) => `u${u}`) },
  };
}

describe('trainNextAction', () => {
  beforeAll(() => useBackend('cpu'));

  it('evaluates the head on the held-out events of the typed, repeat-keeping data, next to both baselines', async () => {
    const table = shop();
    const d = { table, byUser: groupByUser(table.user, table.ts, USERS) };
    const phases: string[] = [];
    const { report, saved } = await trainNextAction(d, { protocol: 'time', testDays: 1, models: ['gru4rec'], hyper: { epochs: 1, dim: 8, seed: 1 } }, (phase) => phases.push(phase));
    expect(phases.at(-1)).toBe('evaluate');
    expect(phases.slice(0, -1).every((p) => p === 'fit')).toBe(true);
    expect(saved.weights.byteLength).toBeGreaterThan(0);
    // The test day holds each user's last session: its events are cases, but the last (nothing follows it in the data).
    expect(report.cases).toBe(USERS * 3);
    expect(report.rows.map((r) => r.id)).toEqual(['model', 'last-type', 'prior']);
    const [model, lastType, prior] = report.rows.map((r) => r.metrics);
    // Training sessions are whole, so after a view comes a view or a cart equally often: the tie goes to
    // "view", right after the first view, wrong after the second; cart → purchase.
    expect(lastType?.accuracy).toBe(2 / 3);
    expect(lastType?.perClass.slice(0, 3).map((c) => c.recall)).toEqual([1, 0, 1]);
    expect(lastType?.perClass[3]?.support).toBe(0);
    // Four training sessions per user: view, cart and purchase four times each, exit three times (the
    // last training session's end is the held-out part's business, so it is no label).
    expect(prior?.logLoss).toBeCloseTo(Math.log(15 / 4), 12);
    expect(prior?.accuracy).toBe(1 / 3);
    expect(model?.cases).toBe(USERS * 3);
    expect(Number.isFinite(model?.logLoss)).toBe(true);
  });

  it('gives leave-last-out one case per user: after the validation event (the cart), the purchase', async () => {
    const table = shop();
    const d = { table, byUser: groupByUser(table.user, table.ts, USERS) };
    const { report } = await trainNextAction(d, { protocol: 'loo', testDays: 1, models: ['gru4rec'], hyper: { epochs: 1, dim: 8, seed: 1 } }, () => undefined);
    expect(report.cases).toBe(USERS);
    expect(report.rows[1]?.metrics.perClass.map((c) => c.support)).toEqual([0, 0, USERS, 0]);
  });
});
