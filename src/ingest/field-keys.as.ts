// AssemblyScript, compiled with csv-split.as.ts into csv-wasm.ts (scripts/build-wasm.mjs). Runs over
// one column of a batch of split records at a time, in the module's memory, so that JavaScript
// reads a number per cell instead of its bytes:
// - intern: the key of each cell's bytes in a hash table of the column's distinct values, which
//   JavaScript maps to the value it resolved on first sight (byte-cache.ts);
// - numbers: each cell written plainly (`[-]digits[.digits]`) as the double parse-value.ts's
//   parseNumber gives; NaN for anything else, which JavaScript then parses as text.
// Records of another width than the one asked for get -1 or NaN: the caller rejects them unread.

const QUOTE: u32 = 0x22;
/** Lookups after which a table that rarely hits (unique times or ids) is switched off. */
const TRIAL: i32 = 20_000;
/** Bytes per entry of a table's key list: start in the arena, length, hash. */
const ENTRY: i32 = 12;

/** A column's distinct byte strings (keys 0, 1, …, copied into one arena) and its lookup state. */
@unmanaged class Table {
  arena: usize = 0;
  arenaCap: i32 = 0;
  used: i32 = 0;
  entries: usize = 0;
  entryCap: i32 = 0;
  size: i32 = 0;
  slots: usize = 0;
  slotCap: i32 = 0;
  lookups: i32 = 0;
  hits: i32 = 0;
  caching: bool = true;
  /** Runs of equal neighbouring cells numbered while the table is off. */
  runs: i32 = 0;
}

export function alloc(n: i32): usize {
  return heap.alloc(<usize>n);
}

export function free(p: usize): void {
  heap.free(p);
}

/** A new, empty table. */
export function table(): usize {
  const t = new Table();
  t.arenaCap = 1 << 16;
  t.arena = heap.alloc(<usize>t.arenaCap);
  t.entryCap = 1024;
  t.entries = heap.alloc(<usize>(t.entryCap * ENTRY));
  t.slotCap = 2048;
  t.slots = heap.alloc(<usize>t.slotCap << 2);
  memory.fill(t.slots, 0xff, <usize>t.slotCap << 2);
  return changetype<usize>(t);
}

/** Forgets every key of table p (its lookup counts stay): keys start from 0 again. */
export function clear(p: usize): void {
  const t = changetype<Table>(p);
  t.size = 0;
  t.used = 0;
  memory.fill(t.slots, 0xff, <usize>t.slotCap << 2);
}

export function size(p: usize): i32 {
  return changetype<Table>(p).size;
}

@inline function i32At(a: usize, i: i32): i32 {
  return load<i32>(a + (<usize>i << 2));
}

/** Murmur3 (32-bit) of the n bytes at s, read four at a time. */
function hash(s: usize, n: i32): i32 {
  let h: u32 = <u32>n;
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const k = rotl<u32>(load<u32>(s + <usize>i) * 0xcc9e2d51, 15) * 0x1b873593;
    h = rotl<u32>(h ^ k, 13) * 5 + 0xe6546b64;
  }
  let k: u32 = 0;
  for (let j = n - 1; j >= i; j--) k = (k << 8) | <u32>load<u8>(s + <usize>j);
  h ^= rotl<u32>(k * 0xcc9e2d51, 15) * 0x1b873593;
  h = (h ^ (h >> 16)) * 0x85ebca6b;
  h = (h ^ (h >> 13)) * 0xc2b2ae35;
  return <i32>(h ^ (h >> 16));
}

/** True when the n bytes at a and at b are the same, compared eight at a time. */
@inline function same(a: usize, b: usize, n: i32): bool {
  let i: i32 = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(a + <usize>i) != load<u64>(b + <usize>i)) return false;
  for (; i < n; i++) if (load<u8>(a + <usize>i) != load<u8>(b + <usize>i)) return false;
  return true;
}

/** The key of the n bytes at s, added when new (then counted as a miss). */
function keyOf(t: Table, s: usize, n: i32): i32 {
  const h = hash(s, n);
  const mask = t.slotCap - 1;
  let i = h & mask;
  while (true) {
    const k = i32At(t.slots, i);
    if (k < 0) break;
    const e = t.entries + <usize>(k * ENTRY);
    if (load<i32>(e, 8) == h && load<i32>(e, 4) == n && same(t.arena + <usize>load<i32>(e), s, n)) {
      t.hits++;
      return k;
    }
    i = (i + 1) & mask;
  }
  if (t.used + n > t.arenaCap) {
    while (t.used + n > t.arenaCap) t.arenaCap <<= 1;
    t.arena = heap.realloc(t.arena, <usize>t.arenaCap);
  }
  if (t.size == t.entryCap) {
    t.entryCap <<= 1;
    t.entries = heap.realloc(t.entries, <usize>(t.entryCap * ENTRY));
  }
  memory.copy(t.arena + <usize>t.used, s, <usize>n);
  const k = t.size++;
  const e = t.entries + <usize>(k * ENTRY);
  store<i32>(e, t.used);
  store<i32>(e, n, 4);
  store<i32>(e, h, 8);
  t.used += n;
  store<i32>(t.slots + (<usize>i << 2), k);
  if (t.size * 2 > t.slotCap) rehash(t);
  return k;
}

function rehash(t: Table): void {
  heap.free(t.slots);
  t.slotCap <<= 1;
  t.slots = heap.alloc(<usize>t.slotCap << 2);
  memory.fill(t.slots, 0xff, <usize>t.slotCap << 2);
  const mask = t.slotCap - 1;
  for (let k: i32 = 0; k < t.size; k++) {
    let i = load<i32>(t.entries + <usize>(k * ENTRY), 8) & mask;
    while (i32At(t.slots, i) >= 0) i = (i + 1) & mask;
    store<i32>(t.slots + (<usize>i << 2), k);
  }
}

/**
 * Writes to out[r] the key of field `column` of each of the `count` records (fields as split: byte
 * ranges starts/ends of the bytes at b, record r's first field first[r]). A cell equal to the cell
 * above gets its key without a lookup. Once the table is off (fewer than half its first TRIAL
 * lookups found a key), a cell gets -2 - the number of its run of equal cells instead.
 */
export function intern(p: usize, b: usize, starts: usize, ends: usize, first: usize, count: i32, column: i32, width: i32, out: usize): void {
  const t = changetype<Table>(p);
  let lastAt: usize = 0;
  let lastLength: i32 = -1;
  let lastKey: i32 = -1;
  for (let r: i32 = 0; r < count; r++) {
    const f0 = i32At(first, r);
    let key: i32 = -1;
    if (i32At(first, r + 1) - f0 == width) {
      const s = i32At(starts, f0 + column);
      const n = i32At(ends, f0 + column) - s;
      const at = b + <usize>s;
      if (n == lastLength && same(at, lastAt, n)) key = lastKey;
      else {
        if (!t.caching) key = -2 - t.runs++;
        else {
          key = keyOf(t, at, n);
          if (++t.lookups == TRIAL && t.hits * 2 < TRIAL) {
            t.caching = false;
            clear(p);
          }
        }
        lastAt = at;
        lastLength = n;
        lastKey = key;
      }
    }
    store<i32>(out + (<usize>r << 2), key);
  }
}

/** 10^0 … 10^22: the powers of ten that are exact doubles (as parse-value.ts's POW10). */
const POW10 = memory.data<f64>([1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]);

/** `[-]digits[.digits]` (`decimal` as the point) in the n bytes at s as parseNumber reads it, or NaN. */
function plain(s: usize, n: i32, decimal: u32): f64 {
  let p: i32 = 0;
  const neg = n > 0 && load<u8>(s) == 45;
  if (neg) p++;
  let mant: f64 = 0;
  let digits: i32 = 0;
  let frac: i32 = -1;
  for (; p < n; p++) {
    const c = <u32>load<u8>(s + <usize>p);
    if (c - 48 < 10) {
      mant = mant * 10 + <f64>(c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c == decimal && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits == 0 || mant > 9007199254740991 || frac > 22) return NaN;
  const v = frac > 0 ? mant / load<f64>(POW10 + (<usize>frac << 3)) : mant;
  return neg ? -v : v;
}

/** Writes to out[r] (f64) field `column` of each record read as a plain number; NaN when quoted or not plain. */
export function numbers(b: usize, starts: usize, ends: usize, first: usize, count: i32, column: i32, width: i32, decimal: u32, out: usize): void {
  for (let r: i32 = 0; r < count; r++) {
    const f0 = i32At(first, r);
    let v: f64 = NaN;
    if (i32At(first, r + 1) - f0 == width) {
      const s = i32At(starts, f0 + column);
      const n = i32At(ends, f0 + column) - s;
      if (n == 0 || <u32>load<u8>(b + <usize>s) != QUOTE) v = plain(b + <usize>s, n, decimal);
    }
    store<f64>(out + (<usize>r << 3), v);
  }
}
