import { describe, expect, it } from 'vitest';
import { ByteCache, PlainNumbers } from './byte-cache';
import { CsvSplitter } from './csv-fields';
import { parseNumber } from './parse-value';

/**
 * Reads cells through a column pass as the encoder does: each batch is looked at, then read record
 * by record. Small batches (`records`) make the passes run over many of them.
 */
async function readColumn<T extends ByteCache | PlainNumbers>(lines: string[], make: () => T, records = 1 << 15, delimiter = ','): Promise<number[]> {
  const pass = make();
  const got: number[] = [];
  await new CsvSplitter(delimiter.charCodeAt(0), false, { records }).split(new TextEncoder().encode(`${lines.join('\n')}\n`), true, (rows) => {
    pass.look(rows);
    rows.sync();
    pass.bind();
    for (let r = 0; r < rows.count; r++) got.push(rows.width(r) === 1 ? pass.get(r) : NaN);
  });
  return got;
}

/** A deterministic pseudo-random generator. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('ByteCache', () => {
  it('resolves each distinct value once and gives every cell its own value', async () => {
    const values = Array.from({ length: 5000 }, (_, i) => `v${(i * 7919) % 301}`);
    const seen: string[] = [];
    const got = await readColumn(values, () => new ByteCache(0, 1, (t) => (seen.push(t), Number(t.slice(1)))), 700);
    expect(got).toEqual(values.map((v) => Number(v.slice(1))));
    expect(seen.sort()).toEqual([...new Set(values)].sort());
  });

  it('stays right when the table fills up, or rarely hits and is switched off, batch after batch', async () => {
    // Every third value unique, the others from 50 repeating ones; neighbours often repeat.
    const values = Array.from({ length: 60_000 }, (_, i) => `"k${i % 3 === 0 ? i : Math.floor(i / 4) % 50}"`);
    const expected = values.map((v) => (v.length - 2) * 1000 + Number(v.slice(2, -1)));
    for (const limit of [2, 1000, Infinity]) {
      let calls = 0;
      const got = await readColumn(values, () => new ByteCache(0, 1, (t) => (calls++, t.length * 1000 + Number(t.slice(1))), limit), 3000);
      expect(got, `limit ${limit}`).toEqual(expected);
      expect(calls, `limit ${limit}`).toBeLessThan(values.length);
    }
    // Mostly unique values switch the table off after its trial; equal neighbours are still resolved once per run.
    const unique = Array.from({ length: 50_000 }, (_, i) => `t${Math.floor(i / 2)}`);
    let calls = 0;
    const got = await readColumn(unique, () => new ByteCache(0, 1, (t) => (calls++, Number(t.slice(1)))), 4096);
    expect(got).toEqual(unique.map((v) => Number(v.slice(1))));
    expect(calls).toBe(25_000);
  });

  it('leaves records of another width unread', async () => {
    const seen: string[] = [];
    const got = await readColumn(['a', 'b,c', 'a', 'd'], () => new ByteCache(0, 1, (t) => (seen.push(t), t.charCodeAt(0))));
    expect(got).toEqual([97, NaN, 97, 100]);
    expect(seen).toEqual(['a', 'd']);
  });
});

describe('PlainNumbers', () => {
  it('reads plain numbers exactly as parseNumber does, and leaves everything else (NaN) to it', async () => {
    const rnd = random(7);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
    const plain = Array.from({ length: 4000 }, () => {
      const sign = rnd() < 0.3 ? '-' : '';
      const int = digits(Math.floor(rnd() * 18));
      const frac = rnd() < 0.6 ? `.${digits(Math.floor(rnd() * 24))}` : '';
      return sign + int + frac || '0';
    });
    for (const decimalComma of [false, true]) {
      const cells = decimalComma ? plain.map((s) => s.replace('.', ',')) : plain;
      const got = await readColumn(cells, () => new PlainNumbers(0, 1, decimalComma), 1000, decimalComma ? ';' : ',');
      expect(got.filter((v) => !Number.isNaN(v)).length).toBeGreaterThan(cells.length / 2);
      cells.forEach((s, i) => {
        const want = parseNumber(s, decimalComma);
        // Beyond 2^53 or 22 decimals the plain reader leaves the number to parseNumber.
        if (!Number.isNaN(got[i])) expect(Object.is(got[i], want), `${s}: ${got[i]} vs ${want}`).toBe(true);
        else expect(s.replace(/[^0-9]/g, '').length > 15 || (s.split(/[.,]/)[1]?.length ?? 0) > 22 || !/[0-9]/.test(s), s).toBe(true);
      });
    }
    const other = ['"1"', ' 2', '3 ', '+4', '1e3', '$5', '1,234.5', '1.2.3', '--1', '-', '.', 'NA'];
    expect(await readColumn(other, () => new PlainNumbers(0, 1, false))).toEqual(other.map(() => NaN));
  });
});
