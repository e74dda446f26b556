// The bridge from the loaded event table to the recommenders' Interactions (models/recsys/types.ts):
// per user, the chosen event types on known items, in time order.
import type { EventTable } from '../analytics/event-table';
import type { Grouping } from '../analytics/indexes';
import { splitLoo, splitTime } from '../models/recsys/eval/split';
import type { Interactions, Split } from '../models/recsys/types';

/** Canonical type codes (lib/canonical.ts order). */
const VIEW = 0, CART = 1, PURCHASE = 5;
/** Users with fewer interactions are dropped: nothing to learn from, nothing to predict. */
export const MIN_PER_USER = 2;
/** Only each user's latest interactions are kept: recent taste matters most and it bounds memory. */
export const MAX_PER_USER = 200;

/** Which events become interactions, and how they are cleaned. */
export interface InteractionOptions {
  /** Type codes to keep, e.g. [5] purchases only for order exports, [0, 1, 5] for clickstreams. */
  types: number[];
  /**
   * Collapse an item repeated back to back into one interaction (default true). Repeated views of
   * one product, or duplicate lines of one invoice, would otherwise make "predict the last item
   * again" look like skill.
   */
  dedupeConsecutive?: boolean;
  minPerUser?: number;
  maxPerUser?: number;
}

/** Purchases for order exports (no views), else views, carts and purchases. */
export function defaultInteractionTypes(t: EventTable): number[] {
  for (let e = 0; e < t.n; e++) if (t.type[e] === VIEW) return [VIEW, CART, PURCHASE];
  return [PURCHASE];
}

/** The interactions the recommenders train on: the default types, back-to-back repeats collapsed. */
export function itemInteractionsFrom(t: EventTable, byUser: Grouping): Interactions {
  return interactionsFrom(t, byUser, { types: defaultInteractionTypes(t) });
}

/**
 * The interactions the next-action head trains on: the same types, every event kept. Collapsing
 * repeats would drop the cart right after a view of the same item, the very step it must learn.
 */
export function actionInteractionsFrom(t: EventTable, byUser: Grouping): Interactions {
  return interactionsFrom(t, byUser, { types: defaultInteractionTypes(t), dedupeConsecutive: false });
}

/** The split of `data` under a run's protocol: leave-last-out, or the last `testDays` days. */
export function splitByProtocol(data: Interactions, req: { protocol: 'loo' | 'time'; testDays: number }): Split {
  return req.protocol === 'loo' ? splitLoo(data) : splitTime(data, req.testDays);
}

/** Per-user chronological interactions of known users on known items (anonymous events never group). */
export function interactionsFrom(t: EventTable, byUser: Grouping, opts: InteractionOptions): Interactions {
  const item = t.codes.item;
  if (!item) throw new Error('This dataset has no item column, so there is nothing to recommend.');
  const keepType = new Uint8Array(256);
  for (const ty of opts.types) keepType[ty] = 1;
  const dedupe = opts.dedupeConsecutive ?? true;
  const minPer = opts.minPerUser ?? MIN_PER_USER;
  const maxPer = opts.maxPerUser ?? MAX_PER_USER;
  // Pass 1: the kept events of every user, in order (at most all grouped events).
  const kept = new Uint32Array(byUser.order.length);
  const users = byUser.offsets.length - 1;
  const from = new Uint32Array(users), to = new Uint32Array(users);
  let size = 0, groups = 0, total = 0, maxItem = -1;
  for (let u = 0; u < users; u++) {
    from[u] = size;
    let last = -1;
    for (let p = byUser.offsets[u] as number; p < (byUser.offsets[u + 1] as number); p++) {
      const e = byUser.order[p] as number;
      const it = item[e] as number;
      if (it < 0 || !keepType[t.type[e] as number] || (dedupe && it === last)) continue;
      kept[size++] = e;
      last = it;
      if (it > maxItem) maxItem = it;
    }
    to[u] = size;
    const count = Math.min(size - (from[u] as number), maxPer);
    if (count >= minPer && count > 0) {
      groups++;
      total += count;
    }
  }
  // Pass 2: copy each kept user's latest maxPer events into the CSR columns.
  const out: Interactions = {
    numItems: Math.max(t.dicts.item?.length ?? 0, maxItem + 1), offsets: new Uint32Array(groups + 1), userCodes: new Int32Array(groups),
    items: new Int32Array(total), ts: new Float64Array(total), session: new Int32Array(total), type: new Uint8Array(total),
  };
  let g = 0, at = 0;
  for (let u = 0; u < users; u++) {
    const end = to[u] as number;
    const start = Math.max(from[u] as number, end - maxPer);
    if (end - start < minPer || end === start) continue;
    for (let k = start; k < end; k++, at++) {
      const e = kept[k] as number;
      out.items[at] = item[e] as number;
      out.ts[at] = t.ts[e] as number;
      out.session[at] = t.session[e] as number;
      out.type[at] = t.type[e] as number;
    }
    out.userCodes[g++] = u;
    out.offsets[g] = at;
  }
  return out;
}
