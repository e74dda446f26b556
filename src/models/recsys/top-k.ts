// Top-k selection without sorting everything: recommendation lists, neighbour lists.

/**
 * The k best items by score, best first; ties go to the lower item index, so lists are
 * deterministic. Looks at `candidates` only when given (else every item), skipping masked ones.
 * A sorted insertion buffer: O(n) when few items beat the current k-th, O(n·k) at worst.
 */
export function topK(scores: ArrayLike<number>, k: number, mask?: Uint8Array, candidates?: ArrayLike<number>): Int32Array {
  const items = new Int32Array(k).fill(-1);
  const vals = new Float64Array(k).fill(-Infinity);
  let size = 0;
  const n = candidates ? candidates.length : scores.length;
  for (let c = 0; c < n; c++) {
    const j = candidates ? (candidates[c] as number) : c;
    const s = scores[j] as number;
    if ((mask && mask[j]) || Number.isNaN(s)) continue;
    if (size === k && (s < (vals[k - 1] as number) || (s === vals[k - 1] && j > (items[k - 1] as number)))) continue;
    let at = size < k ? size++ : k - 1;
    while (at > 0 && ((vals[at - 1] as number) < s || (vals[at - 1] === s && (items[at - 1] as number) > j))) {
      vals[at] = vals[at - 1] as number;
      items[at] = items[at - 1] as number;
      at--;
    }
    vals[at] = s;
    items[at] = j;
  }
  return items.subarray(0, size);
}
