import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/random';
import { interactionsOf } from './synthetic.test-util';
import { ACTION_UNKNOWN, cutWindows, epochBatches, historyBatch, nextAction, TYPE_PAD, type TargetKind, type TrainBatch } from './windows';

/** Users of random lengths 0…29 over 50 items, with sessions of 4 events. */
function randomData(seed: number) {
  const rng = createRng(seed);
  return interactionsOf(50, Array.from({ length: 20 }, () => Array.from({ length: rng.int(30) }, (_, i) => ({ item: rng.int(50), type: rng.pick([0, 1, 5]), session: Math.floor(i / 4) }))));
}

function all(kind: TargetKind, maxLen: number, stride: number, seed = 1, epoch = 1): TrainBatch[] {
  const data = randomData(seed);
  return [...epochBatches(data, cutWindows(data, maxLen, stride), { kind, maxLen, batchSize: 8, typed: true, seed, epoch })];
}

describe('cutWindows', () => {
  it('right-aligns windows `stride` apart and counts loss only on targets no newer window covered', () => {
    const data = interactionsOf(20, [Array.from({ length: 12 }, (_, i) => ({ item: i }))]);
    const w = cutWindows(data, 5, 5);
    expect([...w.start]).toEqual([6, 1, 0]);
    expect([...w.end]).toEqual([11, 6, 1]);
    expect([...w.lossFrom]).toEqual([6, 1, 0]);
    const overlapping = cutWindows(data, 5, 2);
    expect([...overlapping.start]).toEqual([6, 4, 2, 0, 0, 0]);
    expect([...overlapping.lossFrom]).toEqual([9, 7, 5, 3, 1, 0]);
    expect(() => cutWindows(data, 5, 6)).toThrow(RangeError);
  });

  it.each([[5, 5], [5, 2], [8, 1]])('trains every transition exactly once per epoch (L = %i, stride = %i)', (maxLen, stride) => {
    const data = randomData(2);
    const expected = new Map<string, number>();
    for (let u = 0; u + 1 < data.offsets.length; u++) {
      for (let i = data.offsets[u] ?? 0; i + 1 < (data.offsets[u + 1] ?? 0); i++) expected.set(`${data.items[i]}>${data.items[i + 1]}`, (expected.get(`${data.items[i]}>${data.items[i + 1]}`) ?? 0) + 1);
    }
    const got = new Map<string, number>();
    for (const b of all('item', maxLen, stride, 2)) {
      b.positions.forEach((p, k) => {
        // The input at a target's position is the event just before it.
        const key = `${b.items[p]}>${b.labels[k]}`;
        got.set(key, (got.get(key) ?? 0) + 1);
      });
    }
    expect(got).toEqual(expected);
  });
});

describe('epochBatches', () => {
  it('left-pads each window with PAD, keeps targets at real positions, and shuffles by seed and epoch', () => {
    const batches = all('item', 6, 6);
    for (const b of batches) {
      expect(b.items).toHaveLength(b.size * b.len);
      b.positions.forEach((p) => expect(b.items[p]).toBeLessThan(50));
      for (let row = 0; row < b.size; row++) {
        const items = [...b.items.subarray(row * b.len, (row + 1) * b.len)];
        const firstReal = items.findIndex((x) => x !== 50);
        expect(items.slice(firstReal).every((x) => x !== 50)).toBe(true); // padding only before the events
        items.forEach((x, t) => expect(b.types?.[row * b.len + t] === TYPE_PAD).toBe(x === 50));
      }
    }
    const order = (seed: number, epoch: number) => all('item', 6, 6, 1, epoch).flatMap((b) => [...b.labels]).join() + seed;
    expect(order(1, 1)).toBe(order(1, 1));
    expect(order(1, 1)).not.toBe(order(1, 2));
  });

  it('labels next actions: the next event type in the session, exit at its end, unknown after the last event', () => {
    const data = interactionsOf(5, [[{ item: 0, type: 0, session: 0 }, { item: 1, type: 1, session: 0 }, { item: 2, type: 5, session: 0 }, { item: 3, type: 4, session: 1 }, { item: 4, type: 0, session: 1 }]]);
    expect([0, 1, 2, 3, 4].map((i) => nextAction(data, i, 5))).toEqual([1, 2, 3, 0, ACTION_UNKNOWN]);
    const [batch] = [...epochBatches(data, cutWindows(data, 8, 8), { kind: 'action', maxLen: 8, batchSize: 4, typed: true, seed: 1, epoch: 1 })];
    expect([...(batch?.labels ?? [])]).toEqual([1, 2, 3, 0]);
    expect([...(batch?.types ?? [])].slice(4)).toEqual([0, 1, 5, 4]);
  });
});

describe('historyBatch', () => {
  it('keeps the newest maxLen events, left-padded, and maps ids outside the catalogue to PAD', () => {
    const b = historyBatch([Int32Array.of(1, 2, 3, 4, 5), Int32Array.of(7, -1, 99)], null, 4, 10);
    expect([...b.items]).toEqual([2, 3, 4, 5, 10, 7, 10, 10]);
    expect(b.types).toBeNull();
  });
});
