import { describe, expect, it } from 'vitest';
import { ByteCache } from './byte-cache';
import { CsvSplitter, type FieldRows } from './csv-fields';

/** One column of values as the fields of a block of bytes (one batch: fewer values than a batch holds). */
async function column(values: string[]): Promise<FieldRows> {
  let rows: FieldRows | null = null;
  await new CsvSplitter(44, false).split(new TextEncoder().encode(`${values.join('\n')}\n`), true, (r) => {
    rows = r;
  });
  if (!rows) throw new Error('no records');
  return rows;
}

describe('ByteCache', () => {
  it('resolves each distinct value once and gives every field its own value', async () => {
    const values = Array.from({ length: 5000 }, (_, i) => `v${(i * 7919) % 301}`);
    const rows = await column(values);
    const seen: string[] = [];
    const cache = new ByteCache((t) => (seen.push(t), Number(t.slice(1))));
    const got = values.map((_, i) => cache.get(rows, i));
    expect(got).toEqual(values.map((v) => Number(v.slice(1))));
    expect(seen.sort()).toEqual([...new Set(values)].sort());
  });

  it('stays right when the table fills up or rarely hits and is switched off', async () => {
    const values = Array.from({ length: 30_000 }, (_, i) => `"k${i % 3 === 0 ? i : i % 50}"`);
    const rows = await column(values);
    for (const limit of [2, Infinity]) {
      const cache = new ByteCache((t) => t.length * 1000 + Number(t.slice(1)), limit);
      values.forEach((v, i) => expect(cache.get(rows, i)).toBe((v.length - 2) * 1000 + Number(v.slice(2, -1))));
    }
  });
});
