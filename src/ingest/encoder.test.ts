import { describe, expect, it } from 'vitest';
import { EventEncoder } from './encoder';
import type { Mapping } from './types';

const HEADER = ['time', 'user', 'session', 'item', 'country'];
const MAPPING: Mapping = {
  columns: { time: 0, user: 1, session: 2, item: 3, country: 4 }, timeFormat: 'iso', typeMap: {}, defaultType: 'view', decimalComma: false,
};

/** Encodes rows and decodes the dictionary columns back to strings (null for missing). */
function roundTrip(rows: string[][], mapping = MAPPING): Record<string, (string | null)[]> {
  const enc = new EventEncoder(mapping, HEADER);
  for (const r of rows) expect(enc.push(r)).toBeNull();
  const { columns } = enc.take();
  const dicts = enc.dictionaries();
  const out: Record<string, (string | null)[]> = {};
  for (const name of ['user', 'session', 'item', 'country']) {
    const codes = new Int32Array(columns[name] as ArrayBuffer);
    out[name] = [...codes].map((c) => (c < 0 ? null : (dicts[name]?.[c] ?? `bad code ${c}`)));
  }
  return out;
}

describe('EventEncoder dictionary columns', () => {
  it('gives repeated, changing and missing values the right codes, in any order', () => {
    const t = '2024-01-01T00:00:00Z';
    const got = roundTrip([
      [t, '17850.0', 's1', 'A', 'UK'], [t, '17850.0', 's1', 'B', 'UK'], [t, '', 's1', 'B', 'NA'],
      [t, '', 's2', 'A', 'NA'], [t, '17850', 's2', ' A ', 'UK'], [t, '13047', 's2', 'null', 'France'],
    ]);
    expect(got.user).toEqual(['17850', '17850', null, null, '17850', '13047']);
    expect(got.item).toEqual(['A', 'B', 'B', 'A', 'A', null]);
    expect(got.country).toEqual(['UK', 'UK', null, null, 'UK', 'France']);
    expect(got.session).toEqual(['s1', 's1', 's1', 's2', 's2', 's2']);
  });

  it('keeps per-user sessions apart even when the raw session id repeats on the next row', () => {
    const t = '2024-01-01T00:00:00Z';
    const got = roundTrip([[t, 'u1', '7', 'A', 'UK'], [t, 'u2', '7', 'A', 'UK'], [t, 'u2', '7', 'B', 'UK']], { ...MAPPING, sessionPerUser: true });
    const [a, b, c] = got.session ?? [];
    expect(a).not.toEqual(b);
    expect(b).toEqual(c);
  });
});
