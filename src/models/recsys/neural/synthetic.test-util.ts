// Synthetic interaction data whose right answers are known, for the sequence-model tests.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createRng } from '../../../lib/random';
import type { Interactions } from '../types';

/** The backends every model test runs on. */
export const TEST_BACKENDS = ['cpu', 'wasm'] as const;

/** Switches TF.js to `backend` (both are registered in node by the imports above). */
export async function useBackend(backend: string): Promise<void> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not start`);
}

/** Builds Interactions from per-user events (item, type, session), one user after another. */
export function interactionsOf(numItems: number, users: Array<Array<{ item: number; type?: number; session?: number }>>): Interactions {
  const events = users.flat();
  const offsets = new Uint32Array(users.length + 1);
  users.forEach((u, i) => (offsets[i + 1] = (offsets[i] ?? 0) + u.length));
  return {
    numItems,
    offsets,
    userCodes: Int32Array.from(users, (_, i) => i),
    items: Int32Array.from(events, (e) => e.item),
    ts: Float64Array.from(events, (_, i) => i * 1000),
    session: Int32Array.from(events, (e) => e.session ?? 0),
    type: Uint8Array.from(events, (e) => e.type ?? 0),
  };
}

/** Users walking the catalogue in steps of one: the next item is always (item + 1) mod numItems. */
export function cyclicInteractions(numItems: number, users: number, length: number, seed: number): Interactions {
  const rng = createRng(seed);
  return interactionsOf(numItems, Array.from({ length: users }, () => {
    const start = rng.int(numItems);
    return Array.from({ length }, (_, t) => ({ item: (start + t) % numItems }));
  }));
}

/** Histories of the cyclic walk ending at each item: [(end − len + 1) … end] mod numItems. */
export function cyclicHistories(numItems: number, len: number): Int32Array[] {
  return Array.from({ length: numItems }, (_, end) => Int32Array.from({ length: len }, (_, t) => (end - len + 1 + t + numItems) % numItems));
}

/** Index of the largest value. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}
