import { describe, expect, it } from 'vitest';
import { readFields, type Blocks } from './csv-fields';
import { readRows } from './read-rows';
import type { SourceInfo } from './types';

const enc = new TextEncoder();

/** A byte stream that delivers `bytes` in pieces of the given sizes (cycled). */
function piecewise(bytes: Uint8Array, sizes: number[]): ReadableStream<Uint8Array> {
  let at = 0;
  let k = 0;
  return new ReadableStream({
    pull(ctl) {
      if (at >= bytes.length) return ctl.close();
      const n = sizes[k++ % sizes.length] as number;
      ctl.enqueue(bytes.slice(at, at + n));
      at += n;
    },
  });
}

interface Read {
  rows: string[][];
  lines: number[];
  total: number;
}

/** Records as papaparse gives them through the string reader: the reference. */
async function viaPapa(text: string, info: SourceInfo): Promise<Read> {
  const out: Read = { rows: [], lines: [], total: 0 };
  const stream = new ReadableStream<string>({
    start(ctl) {
      ctl.enqueue(text.replace(/^\uFEFF/, ''));
      ctl.close();
    },
  });
  out.total = await readRows(stream, info, (b) => {
    out.rows.push(...b.rows);
    out.lines.push(...b.lines);
  });
  return out;
}

async function viaBytes(text: string, info: SourceInfo, sizes: number[], blocks?: Blocks): Promise<Read> {
  const out: Read = { rows: [], lines: [], total: 0 };
  out.total = await readFields(piecewise(enc.encode(text), sizes), info, (f) => {
    for (let r = 0; r < f.count; r++) {
      const first = f.first[r] as number;
      out.rows.push(Array.from({ length: f.width(r) }, (_, i) => f.text(first + i)));
      out.lines.push(f.line[r] as number);
    }
  }, blocks);
  return out;
}

const info = (delimiter: string, hasHeader = true): SourceInfo => ({ format: 'delimited', delimiter, hasHeader, header: [], preview: [] });

/** A deterministic pseudo-random delimited file full of the cases quoting rules are about. */
function randomFile(seed: number, d: string): string {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const nl = rnd() < 0.5 ? '\n' : '\r\n';
  const cells = [
    '', 'plain', '12.50', '-3', ' padded ', 'NA', 'café', '12" PAPER', 'a"b"c', '😀 emoji',
    '"quoted"', `"with ${d} delimiter"`, `"multi${nl}line"`, '"bare\nnewline"', '"esc ""inner"" quotes"', '""', '"x"  ', '"x" y"', '"x"\t',
  ];
  const width = 1 + Math.floor(rnd() * 4);
  const lines: string[] = [];
  for (let i = 0; i < 150; i++) {
    const r = rnd();
    if (r < 0.04) lines.push('');
    else if (r < 0.07) lines.push(Array.from({ length: width + 1 }, () => pick(cells)).join(d));
    else lines.push(Array.from({ length: width }, () => pick(cells)).join(d));
  }
  const bom = rnd() < 0.2 ? '\uFEFF' : '';
  const end = rnd() < 0.7 ? nl : '';
  const tail = rnd() < 0.1 ? `${d}"unterminated${nl}x${d}y` : '';
  return bom + lines.join(nl) + end + tail;
}

describe('readFields', () => {
  it('reads the same records and line numbers as papaparse, however the bytes arrive and are grouped', async () => {
    // Small blocks make records end inside blocks, and across several, many times per file.
    // Tiny field and record caps make each block take several splits, and records wider than the cap grow it.
    const ways: [number[], Blocks | undefined][] = [
      [[1 << 20], undefined], [[1, 2, 3, 5, 7], { block: 64 }], [[64, 13], { block: 100 }], [[300], { block: 200 }],
      [[1 << 20], { block: 1 << 20, fields: 2, records: 1 }], [[50], { block: 120, fields: 7, records: 3 }],
    ];
    for (let seed = 1; seed <= 120; seed++) {
      const d = [',', ';', '\t', '|'][seed % 4] as string;
      const text = randomFile(seed, d);
      const want = await viaPapa(text, info(d, seed % 3 !== 0));
      for (const [sizes, blocks] of ways) {
        const got = await viaBytes(text, info(d, seed % 3 !== 0), sizes, blocks);
        expect(got, `seed ${seed}, pieces ${sizes.join('/')}, blocks ${JSON.stringify(blocks)}`).toEqual(want);
      }
    }
  });

  it('handles the edges of quoting one by one', async () => {
    const cases = [
      'a,"b""c",d\n', 'a,"b"  ,d\n', 'a,"b"x,d\ne,f,g\n', 'a, "b",d\n', 'a,b"c,d\n', '"a\nb",c\n\n\nx,y\n', 'a,"b"\r\nc,d\r\n',
      'a,b\r\nc\n,d\r\n', 'a,"b\r\nc"\r\n', 'a,"unterminated\nx,y\n', 'a,"b"c"d",e\n', '"x"\n', ',\n', 'a,b', 'a,"b" ,"c"\t\n',
      'a,"b"', 'a,"b"  ', '""\nx,y\n', 'a,"b"\r', 'a,b\r', 'a,\uFEFFb,"\uFEFFc"\n',
    ];
    for (const text of cases) {
      const want = await viaPapa(text, info(',', false));
      expect(await viaBytes(text, info(',', false), [3]), JSON.stringify(text)).toEqual(want);
      // `\r\n` is decided on the first block (1 MB in practice), so tiny blocks only suit texts without `\r`.
      if (!text.includes('\r')) for (const block of [3, 4, 5]) expect(await viaBytes(text, info(',', false), [1], { block }), `${JSON.stringify(text)} in blocks of ${block}`).toEqual(want);
    }
  });
});
