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
  it('cuts at the first line start at or after each target', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const bytes = enc.encode(randomCsv(seed, 400));
      for (const [parts, scan] of [[2, undefined], [3, 64], [4, 7]] as const) {
        const cuts = await splitOffsets(new Blob([bytes]), csv, parts, scan);
        expect(cuts).toHaveLength(parts + 1);
        expect([cuts[0], cuts[parts]]).toEqual([0, bytes.length]);
        cuts.slice(1, -1).forEach((at, k) => {
          const target = Math.floor((bytes.length * (k + 1)) / parts);
          expect(at).toBeGreaterThanOrEqual(target);
          expect(bytes[at - 1]).toBe(0x0a);
          expect(bytes.subarray(target - 1, at - 1).includes(0x0a)).toBe(false);
        });
      }
    }
  });

  it('may cut inside a quoted field that holds line breaks: the part before it ends in an open quote', async () => {
    const cut = await pieces('"one record\nwith a newline"\n', csv, 3);
    expect(cut).toEqual(['"one record\n', 'with a newline"\n']);
    expect(rows(cut[0] ?? '')).toEqual([['one record\n']]);
  });

  it('cuts line formats at any newline and never cuts a JSON array', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => JSON.stringify({ s: i, e: [{ a: 'x"\n' }] })).join('\n');
    const cut = await pieces(lines, { format: 'jsonl', hasHeader: false }, 4);
    expect(cut).toHaveLength(4);
    for (const p of cut) for (const l of p.split('\n').filter(Boolean)) expect(() => JSON.parse(l)).not.toThrow();
    expect(await pieces(`[${lines.replaceAll('\n', ',')}]`, { format: 'json', hasHeader: false }, 4)).toHaveLength(1);
  });

  it('yields fewer parts when the file has fewer lines than parts', async () => {
    expect(await pieces('a,b\n1,2\n', csv, 4)).toEqual(['a,b\n', '1,2\n']);
    expect(await pieces('a,b\n1,2\n', csv, 1)).toEqual(['a,b\n1,2\n']);
  });
});
