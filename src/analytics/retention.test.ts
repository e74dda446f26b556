import { describe, expect, it } from 'vitest';
import type { EventTable } from './event-table';
import { groupByUser } from './indexes';
import { retention, retentionCellUsers, type RetentionQuery } from './retention';

const at = (iso: string) => Date.parse(`${iso}Z`);
const VIEW = 0, CART = 1, PURCHASE = 5;

/** A table of [time, user, type] rows (user -1 = anonymous). */
function table(rows: [string, number, number][]): EventTable {
  const n = rows.length;
  const users = Math.max(0, ...rows.map((r) => r[1] + 1));
  return {
    n, ts: new Float64Array(rows.map((r) => at(r[0]))), user: new Int32Array(rows.map((r) => r[1])), type: new Uint8Array(rows.map((r) => r[2])),
    session: new Int32Array(n).fill(-1), sessionCount: 0, price: new Float64Array(n), quantity: new Float64Array(n), revenue: new Float64Array(n),
    codes: {}, dicts: { user: Array.from({ length: users }, (_, u) => `u${u}`), type: ['view', 'cart', 'r', 'w', 'c', 'purchase', 'refund'] },
  };
}

const run = (t: EventTable, q: Partial<RetentionQuery>) => {
  const query: RetentionQuery = { cohortBy: 'first-activity', period: 'week', returnType: null, mode: 'on', maxPeriods: 10, ...q };
  return retention(t, groupByUser(t.user, t.ts, t.dicts.user?.length ?? 0), query);
};
const rows = (r: ReturnType<typeof run>) => r.cohorts.map((c) => [c.label, c.size, ...c.retained]);

// ISO weeks: 2010-12-27 (Mon) is 2010-W52, 2011-01-03 (Mon) starts 2011-W01; W02 starts 01-10, W03 01-17, W04 01-24.
const weeks = table([
  ['2011-01-02T23:00:00', 0, VIEW], // Sunday: u0's cohort is 2010-W52
  ['2011-01-03T00:00:00', 1, VIEW], // Monday 00:00 UTC: u1's cohort is W01
  ['2011-01-03T01:00:00', 0, VIEW], // u0 N=1
  ['2011-01-05T12:00:00', 2, VIEW], // u2's cohort is W01
  ['2011-01-09T23:59:59', 1, VIEW], // still W01: N=0 for u1
  ['2011-01-10T00:00:00', 1, CART], // u1 N=1
  ['2011-01-12T09:00:00', 1, VIEW], // u1 N=1 again: still one user
  ['2011-01-17T09:00:00', 0, PURCHASE], // u0 N=3, first purchase
  ['2011-01-20T09:00:00', 2, PURCHASE], // u2 N=2, first purchase
  ['2011-01-24T09:00:00', 0, VIEW], // u0 N=4
  ['2011-01-25T09:00:00', -1, VIEW], // anonymous: only stretches the span (to W04)
]);

describe('retention by week', () => {
  it('counts users active in exactly period N, Monday-based UTC weeks, as a triangle', () => {
    const r = run(weeks, {});
    // W02 has no new users, so it has no row.
    expect(rows(r)).toEqual([['2010-W52', 1, 1, 1, 0, 1, 1], ['2011-W01', 2, 2, 1, 1, 0]]);
    expect(r.cohorts.map((c) => c.start)).toEqual(['2010-12-27', '2011-01-03']);
    expect(r.periods).toBe(5);
    expect(r.average).toEqual([1, 2 / 3, 1 / 3, 1 / 3, 1]);
  });

  it('counts a user from N on when they return at N or later (unbounded)', () => {
    expect(rows(run(weeks, { mode: 'on-or-after' }))).toEqual([['2010-W52', 1, 1, 1, 1, 1, 1], ['2011-W01', 2, 2, 2, 1, 0]]);
  });

  it('counts only returns of the chosen type, and N=0 is the cohort size regardless', () => {
    expect(rows(run(weeks, { returnType: PURCHASE }))).toEqual([['2010-W52', 1, 1, 0, 0, 1, 0], ['2011-W01', 2, 2, 0, 1, 0]]);
    expect(rows(run(weeks, { returnType: PURCHASE, mode: 'on-or-after' }))).toEqual([['2010-W52', 1, 1, 1, 1, 1, 0], ['2011-W01', 2, 2, 1, 1, 0]]);
  });

  it('puts users in the period of their first purchase and leaves out those who never bought', () => {
    const r = run(weeks, { cohortBy: 'first-purchase' });
    // u1 never purchased; u0's earlier views do not count; u0 returns in W04.
    expect(rows(r)).toEqual([['2011-W03', 2, 2, 1]]);
    expect(run(weeks, { cohortBy: 'first-purchase', returnType: PURCHASE }).cohorts[0]?.retained).toEqual([2, 0]);
  });

  it('caps the columns at maxPeriods, still counting later returns in on-or-after', () => {
    expect(rows(run(weeks, { maxPeriods: 2 }))).toEqual([['2010-W52', 1, 1, 1], ['2011-W01', 2, 2, 1]]);
    expect(rows(run(weeks, { maxPeriods: 2, mode: 'on-or-after', returnType: PURCHASE }))).toEqual([['2010-W52', 1, 1, 1], ['2011-W01', 2, 2, 1]]);
    expect(() => run(weeks, { maxPeriods: 0 })).toThrow(RangeError);
  });

  it('labels weeks by ISO week-year', () => {
    const t = table([['2008-12-31T10:00:00', 0, VIEW], ['2009-12-31T10:00:00', 1, VIEW], ['2010-01-04T10:00:00', 2, VIEW]]);
    expect(run(t, { maxPeriods: 1 }).cohorts.map((c) => [c.label, c.start])).toEqual([
      ['2009-W01', '2008-12-29'], ['2009-W53', '2009-12-28'], ['2010-W01', '2010-01-04'],
    ]);
  });
});

describe('retention by month and day', () => {
  const t = table([
    ['2011-01-31T23:59:59', 0, VIEW],
    ['2011-02-01T00:00:00', 0, VIEW], // next month, and next day
    ['2011-02-28T10:00:00', 1, VIEW],
    ['2011-03-01T10:00:00', 1, VIEW],
    ['2011-03-31T10:00:00', 0, VIEW],
  ]);

  it('uses calendar months', () => {
    const r = run(t, { period: 'month' });
    expect(r.cohorts.map((c) => [c.label, c.start, c.size, ...c.retained])).toEqual([['2011-01', '2011-01-01', 1, 1, 1, 1], ['2011-02', '2011-02-01', 1, 1, 1]]);
    expect(r.average).toEqual([1, 1, 1]);
  });

  it('uses UTC days', () => {
    const r = run(t, { period: 'day', maxPeriods: 3 });
    expect(rows(r)).toEqual([['2011-01-31', 1, 1, 1, 0], ['2011-02-28', 1, 1, 1, 0]]);
    expect(run(t, { period: 'day', maxPeriods: 100 }).cohorts[0]?.retained).toHaveLength(60);
  });
});

describe('retentionCellUsers', () => {
  const byUser = groupByUser(weeks.user, weeks.ts, 3);
  const q = (p: Partial<RetentionQuery>): RetentionQuery => ({ cohortBy: 'first-activity', period: 'week', returnType: null, mode: 'on', maxPeriods: 10, ...p });

  it('lists the users of each cell, as many as the table counts', () => {
    for (const p of [{}, { mode: 'on-or-after' as const }, { returnType: PURCHASE }, { cohortBy: 'first-purchase' as const }, { period: 'day' as const }]) {
      const r = retention(weeks, byUser, q(p));
      r.cohorts.forEach((c, ci) => c.retained.forEach((count, n) => expect(retentionCellUsers(weeks, byUser, q(p), ci, n)).toHaveLength(count)));
    }
    expect([...retentionCellUsers(weeks, byUser, q({}), 1, 0)]).toEqual([1, 2]);
    expect([...retentionCellUsers(weeks, byUser, q({}), 1, 2)]).toEqual([2]);
    expect([...retentionCellUsers(weeks, byUser, q({ mode: 'on-or-after' }), 1, 1)]).toEqual([1, 2]);
  });

  it('refuses cells outside the triangle', () => {
    expect(() => retentionCellUsers(weeks, byUser, q({}), 2, 0)).toThrow(RangeError);
    expect(() => retentionCellUsers(weeks, byUser, q({}), 1, 4)).toThrow(RangeError);
  });
});
