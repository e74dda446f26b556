import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/random';
import { createNextActionModel, NextActionModel, type NextActionProbs } from './next-action';
import { interactionsOf, TEST_BACKENDS, useBackend } from './synthetic.test-util';
import { ACTIONS } from './windows';

const [VIEW, CART, PURCHASE] = [0, 1, 5];
/** Every session is view, view, cart, purchase; then the session ends. */
const SESSION = [VIEW, VIEW, CART, PURCHASE];

function shoppers(users: number, sessions: number, seed: number) {
  const rng = createRng(seed);
  return interactionsOf(30, Array.from({ length: users }, () => Array.from({ length: sessions * SESSION.length }, (_, i) => ({
    item: rng.int(30), type: SESSION[i % SESSION.length] ?? VIEW, session: Math.floor(i / SESSION.length),
  }))));
}

/** A history of `sessions` full sessions followed by the first `k` events of the next one. */
function history(sessions: number, k: number) {
  const types = Array.from({ length: sessions * SESSION.length + k }, (_, i) => SESSION[i % SESSION.length] ?? VIEW);
  return { items: Int32Array.from(types, (_, i) => (i * 7) % 30), types: Uint8Array.from(types) };
}

const best = (p: NextActionProbs) => ACTIONS.reduce((a, b) => (p[b] > p[a] ? b : a));

describe.each(TEST_BACKENDS)('next-action model on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('learns view → view → cart → purchase → exit from typed event sequences, and reloads identically', async () => {
    const model = createNextActionModel({ maxLen: 10, embDim: 16, batchSize: 32, learningRate: 0.02 });
    const report = await model.fit(shoppers(40, 4, 1), { epochs: 10, seed: 1 });
    expect(report.losses.at(-1)).toBeLessThan((report.losses[0] ?? 0) / 3); // starts near ln 4
    const cases = [
      [history(1, 1), 'view'], // first view of a session → another view
      [history(1, 2), 'cart'],
      [history(2, 3), 'purchase'],
      [history(2, 0), 'exit'], // after a purchase the session ends
    ] as const;
    const predicted = await model.predictNextActions(cases.map(([h]) => h));
    predicted.forEach((p, i) => {
      expect(ACTIONS.reduce((s, a) => s + p[a], 0)).toBeCloseTo(1, 5);
      expect(best(p)).toBe(cases[i]?.[1]);
      expect(p[best(p)]).toBeGreaterThan(0.6);
    });
    const one = history(1, 2);
    const loaded = NextActionModel.load(structuredClone(await model.save()));
    expect(await loaded.predictNextAction(one.items, one.types)).toEqual(await model.predictNextAction(one.items, one.types));
    await expect(model.predictNextAction(one.items, one.types.slice(1))).rejects.toThrow(/same length/);
    const before = tf.memory().numTensors;
    model.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });
});
