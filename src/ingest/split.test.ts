import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { splitOffsets } from './split';
import type { SourceLayout } from './types';

const csv: SourceLayout = { format: 'delimited', delimiter: ',', hasHeader: true };
const enc = new TextEncoder();
const dec = new TextDecoder();

/** The file's text cut at the offsets. */
async function pieces(text: string, layout: SourceLayout, parts: number, scanBytes?: number): Promise<string[]> {
  const bytes = enc.encode(text);
  const cuts = await splitOffsets(new Blob([bytes]), layout, parts, scanBytes);
  return cuts.slice(1).map((end, i) => dec.decode(bytes.slice(cuts[i], end)));
}

const rows = (text: string) => Papa.parse<string[]>(text, { delimiter: ',', newline: text.includes('\r\n') ? '\r\n' : '\n', skipEmptyLines: true }).data;

/** A deterministic pseudo-random CSV with quoted commas, newlines and escaped quotes. */
function randomCsv(seed: number, lines: number): string {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const field = () => {
    const r = rnd();
    if (r < 0.15) return '"multi\nline, ""quoted"" text"';
    if (r < 0.3) return '"a, b"';
    if (r < 0.4) return '12" PAPER';
    return String(Math.floor(rnd() * 1e6));
  };
  const nl = rnd() < 0.5 ? '\n' : '\r\n';
  return Array.from({ length: lines }, () => [field(), field(), field()].join(',') + nl).join('');
}

describe('splitOffsets', () => {
  it('cuts on record boundaries, never inside a quoted field, so the parts parse to the whole', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = randomCsv(seed, 400);
      for (const [parts, scan] of [[2, undefined], [3, 64], [4, 7]] as const) {
        const cut = await pieces(text, csv, parts, scan);
        expect(cut.join('')).toBe(text);
        expect(cut.flatMap(rows)).toEqual(rows(text));
        for (const p of cut.slice(1)) expect(rows(p)[0]).toHaveLength(3);
      }
    }
  });

  it('closes a quoted field before any blanks, a tab included, as papaparse does', async () => {
    const text = `a,b\n${'"x\ny"\t,1\n'.repeat(200)}`;
    for (const parts of [2, 3]) {
      const cut = await pieces(text, csv, parts, 64);
      expect(cut.length).toBe(parts);
      expect(cut.flatMap(rows)).toEqual(rows(text));
    }
  });

  it('takes a quote inside an unquoted field literally, as papaparse does', async () => {
    const text = `a,b\n${'12" PAPER,1\n'.repeat(50)}`;
    const cut = await pieces(text, csv, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/^12" PAPER,1\n/);
  });

  it('cuts line formats at any newline and never cuts a JSON array', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => JSON.stringify({ s: i, e: [{ a: 'x"\n' }] })).join('\n');
    const cut = await pieces(lines, { format: 'jsonl', hasHeader: false }, 4);
    expect(cut).toHaveLength(4);
    for (const p of cut) for (const l of p.split('\n').filter(Boolean)) expect(() => JSON.parse(l)).not.toThrow();
    expect(await pieces(`[${lines.replaceAll('\n', ',')}]`, { format: 'json', hasHeader: false }, 4)).toHaveLength(1);
  });

  it('yields fewer parts when the file has fewer records than parts', async () => {
    expect(await pieces('a,b\n1,2\n', csv, 4)).toEqual(['a,b\n', '1,2\n']);
    expect(await pieces('"one record\nwith a newline"\n', csv, 3)).toEqual(['"one record\nwith a newline"\n']);
    expect(await pieces('a,b\n1,2\n', csv, 1)).toEqual(['a,b\n1,2\n']);
  });
});
