import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/random';
import { DAY_MS } from '../interactions';
import { ACTIONS } from '../neural/windows';
import type { Interactions } from '../types';
import { actionCases, actionMetrics, lastTypeBaseline, LOG_LOSS_EPS, priorBaseline, type ActionCase } from './next-action-eval';
import { splitLoo, splitTime } from './split';

const [V, C, P] = [0, 1, 5];
const [VIEW, CART, PURCHASE, EXIT] = [0, 1, 2, 3];

/** One event: item, canonical type, session, time in days. */
type Ev = [item: number, type: number, session: number, day: number];

/** Interactions from per-user event lists, users in order. */
function data(users: Ev[][]): Interactions {
  const events = users.flat();
  const offsets = new Uint32Array(users.length + 1);
  users.forEach((u, k) => (offsets[k + 1] = (offsets[k] as number) + u.length));
  return {
    numItems: 10, offsets, userCodes: Int32Array.from(users, (_, k) => k),
    items: Int32Array.from(events, (e) => e[0]), type: Uint8Array.from(events, (e) => e[1]),
    session: Int32Array.from(events, (e) => e[2]), ts: Float64Array.from(events, (e) => e[3] * DAY_MS),
  };
}

const brief = (c: ActionCase) => ({ user: c.user, items: [...c.items], types: [...c.types], target: c.target });

describe('actionCases', () => {
  const d = data([
    [[1, V, 0, 1], [1, C, 0, 2], [1, P, 0, 3], [2, V, 1, 11], [2, C, 1, 11.5]],
    [[4, V, 2, 5], [5, V, 3, 12]],
    [[6, V, 4, 1], [6, P, 4, 2], [7, V, 5, 12]],
  ]);

  it('leave-last-out: after the validation event of every user with ≥ 3 events, what comes next', () => {
    expect(actionCases(d, splitLoo(d)).map(brief)).toEqual([
      { user: 0, items: [1, 1, 1, 2], types: [V, C, P, V], target: CART },
      { user: 2, items: [6, 6], types: [V, P], target: EXIT },
    ]);
  });

  it('time split: every event in the test window but each user\'s last, with the whole history before it', () => {
    // Last event at day 12, so the test window starts at day 11. What follows a user's last event is unknown.
    expect(actionCases(d, splitTime(d, 1)).map(brief)).toEqual([{ user: 0, items: [1, 1, 1, 2], types: [V, C, P, V], target: CART }]);
    const later = data([[[1, V, 0, 1], [1, C, 0, 11.5], [2, V, 1, 12]]]);
    expect(actionCases(later, splitTime(later, 1)).map(brief)).toEqual([{ user: 0, items: [1, 1], types: [V, C], target: EXIT }]);
  });

  it('never asks about an event that training saw', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = createRng(seed);
      const full = data(Array.from({ length: 40 }, () => {
        let day = rng.int(20), s = rng.int(1000);
        return Array.from({ length: 1 + rng.int(12) }, (): Ev => {
          if (rng.chance(0.3)) [day, s] = [day + 1 + rng.int(3), s + 1];
          return [rng.int(10), [V, C, P][rng.int(3)] as number, s, day];
        });
      }));
      for (const split of [splitLoo(full), splitTime(full, 3)]) {
        const cases = actionCases(full, split);
        expect(cases.length).toBeGreaterThan(0);
        for (const c of cases) {
          const first = full.offsets[c.user] as number;
          const at = first + c.items.length - 1; // the position the case predicts after
          expect([...c.items]).toEqual([...full.items.subarray(first, at + 1)]);
          const trained = (split.train.offsets[c.user + 1] as number) - (split.train.offsets[c.user] as number);
          // The target event (for exit, the position itself) lies past the user's training prefix.
          expect((c.target === EXIT ? at : at + 1) - first).toBeGreaterThanOrEqual(trained);
        }
      }
    }
  });
});

describe('actionMetrics', () => {
  it('scores argmax predictions with ties to the lowest index, a never-predicted class, and clipped log loss', () => {
    const probs = [
      [0.7, 0.1, 0.1, 0.1], // view → view
      [0.4, 0.4, 0.1, 0.1], // cart → view (tie)
      [0.1, 0.2, 0.3, 0.4], // exit → exit
      [0.25, 0.25, 0.25, 0.25], // exit → view (tie)
      [0, 0.5, 0, 0.5], // purchase → cart (tie); p = 0 is clipped
    ];
    const m = actionMetrics(probs, [VIEW, CART, EXIT, EXIT, PURCHASE]);
    expect(m.cases).toBe(5);
    expect(m.accuracy).toBeCloseTo(2 / 5, 12);
    expect(m.perClass.map((c) => c.action)).toEqual([...ACTIONS]);
    expect(m.perClass.map((c) => c.support)).toEqual([1, 1, 1, 2]);
    const [view, cart, purchase, exit] = m.perClass;
    expect([view?.precision, view?.recall, view?.f1]).toEqual([1 / 3, 1, 0.5]);
    expect([cart?.precision, cart?.recall, cart?.f1]).toEqual([0, 0, 0]);
    expect([purchase?.precision, purchase?.recall, purchase?.f1]).toEqual([0, 0, 0]);
    expect(exit?.precision).toBe(1);
    expect(exit?.recall).toBe(0.5);
    expect(exit?.f1).toBeCloseTo(2 / 3, 12);
    expect(m.macroF1).toBeCloseTo((0.5 + 0 + 0 + 2 / 3) / 4, 12);
    expect(m.logLoss).toBeCloseTo(-(Math.log(0.7) + 2 * Math.log(0.4) + Math.log(0.25) + Math.log(LOG_LOSS_EPS)) / 5, 12);
  });

  it('leaves classes that are neither targets nor predictions out of macro-F1', () => {
    const m = actionMetrics([[0.9, 0, 0, 0.1], [0.2, 0, 0.3, 0.5]], [VIEW, EXIT]);
    expect(m.accuracy).toBe(1);
    expect(m.macroF1).toBe(1);
    expect(m.logLoss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.5)) / 2, 12);
  });

  it('is NaN without cases and rejects malformed input', () => {
    const m = actionMetrics([], []);
    expect([m.cases, m.accuracy, m.macroF1, m.logLoss]).toEqual([0, NaN, NaN, NaN]);
    expect(() => actionMetrics([[1, 0, 0, 0]], [])).toThrow(/1 predictions for 0 targets/);
    expect(() => actionMetrics([[1, 0, 0]], [0])).toThrow(/3 probabilities/);
    expect(() => actionMetrics([[1, 0, 0, 0]], [4])).toThrow(/target 4/);
  });
});

describe('baselines', () => {
  // Labels: user 0 view, cart, purchase, none (its last event); user 1 cart, exit (new session), none.
  const train = data([
    [[1, V, 0, 1], [2, V, 0, 1], [2, C, 0, 1], [2, P, 0, 1]],
    [[3, V, 1, 1], [3, C, 1, 1], [4, V, 2, 2]],
  ]);
  const after = (...types: number[]): ActionCase => ({ user: 0, items: new Int32Array(types.length), types: Uint8Array.from(types), target: 0 });

  it('prior: the training label frequencies for every case', () => {
    const prior = priorBaseline(train);
    expect(prior(after(V))).toEqual([1 / 5, 2 / 5, 1 / 5, 1 / 5]);
    expect(prior(after(P, C))).toEqual(prior(after(V)));
    expect(priorBaseline(data([]))(after(V))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('last type: add-one smoothed label frequencies after each type of event', () => {
    const byType = lastTypeBaseline(train);
    expect(byType(after(P, V))).toEqual([2 / 7, 3 / 7, 1 / 7, 1 / 7]); // after views: view, cart, cart
    expect(byType(after(C))).toEqual([1 / 6, 1 / 6, 2 / 6, 2 / 6]); // after carts: purchase, exit
    expect(byType(after(P))).toEqual([0.25, 0.25, 0.25, 0.25]); // the only purchase is a last event: nothing known
    expect(byType(after(4))).toEqual([0.25, 0.25, 0.25, 0.25]); // a type training never saw
  });
});
