// Baskets for co-occurrence counting: sets of distinct items, as CSR arrays.
import { userCount } from '../interactions';
import type { Interactions } from '../types';

/** Group g holds members[offsets[g] … offsets[g+1]). */
export interface Csr {
  offsets: Uint32Array;
  members: Int32Array;
}

/**
 * Distinct items per basket: one basket per user, or (bySession) one per run of equal session codes
 * within a user. Users and sessions without items give empty baskets, which count for nothing.
 */
export function baskets(d: Interactions, bySession: boolean): Csr {
  const offsets: number[] = [0];
  const members = new Int32Array(d.items.length);
  // stamp[i] = basket number + 1 when item i is already in the current basket (no clearing needed).
  const stamp = new Int32Array(d.numItems);
  let size = 0;
  for (let u = 0; u < userCount(d); u++) {
    const a = d.offsets[u] as number, b = d.offsets[u + 1] as number;
    for (let e = a; e < b; e++) {
      if (e > a && bySession && d.session[e] !== d.session[e - 1]) offsets.push(size);
      const item = d.items[e] as number;
      if (stamp[item] === offsets.length) continue;
      stamp[item] = offsets.length;
      members[size++] = item;
    }
    offsets.push(size);
  }
  return { offsets: Uint32Array.from(offsets), members: members.slice(0, size) };
}

/** The transpose: for each item, the baskets holding it (ascending). */
export function invert(b: Csr, numItems: number): Csr {
  const offsets = new Uint32Array(numItems + 1);
  for (let p = 0; p < b.members.length; p++) {
    const at = (b.members[p] as number) + 1;
    offsets[at] = (offsets[at] as number) + 1;
  }
  for (let i = 0; i < numItems; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, numItems);
  const members = new Int32Array(b.members.length);
  for (let g = 0; g + 1 < b.offsets.length; g++) {
    for (let p = b.offsets[g] as number; p < (b.offsets[g + 1] as number); p++) {
      const item = b.members[p] as number;
      members[fill[item] as number] = g;
      fill[item] = (fill[item] as number) + 1;
    }
  }
  return { offsets, members };
}
