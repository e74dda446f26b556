// Parses a time column value by value. Exports repeat times a lot (every line of an order has the
// order's time), so the previous value and, where it pays, recent distinct values are remembered.
import { parseTime } from './infer';
import type { TimeFormat } from './types';

/** Distinct times remembered per import. */
const CACHE_LIMIT = 200_000;
/** Lookups after which a cache that rarely hits (unique ms clickstream times) is switched off. */
const CACHE_TRIAL = 20_000;

/** One time column's parser with its memory; one per encoder. */
export class TimeReader {
  private readonly cache = new Map<string, number>();
  private caching = true;
  private lookups = 0;
  private hits = 0;
  private lastRaw = '';
  private lastTs = NaN;

  constructor(private readonly format: TimeFormat) {}

  /** Epoch ms of a raw value, or NaN when it is no time. */
  parse(raw: string): number {
    if (raw !== this.lastRaw) {
      this.lastRaw = raw;
      this.lastTs = this.lookUp(raw);
    }
    return this.lastTs;
  }

  private lookUp(raw: string): number {
    if (!this.caching) return parseTime(raw, this.format);
    let t = this.cache.get(raw);
    if (t === undefined) {
      t = parseTime(raw, this.format);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(raw, t);
    } else {
      this.hits++;
    }
    // Keep the cache only where it pays: at least half the lookups must hit.
    if (++this.lookups === CACHE_TRIAL && this.hits * 2 < CACHE_TRIAL) {
      this.caching = false;
      this.cache.clear();
    }
    return t;
  }
}
