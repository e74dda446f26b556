// The encoder reads delimited text from its bytes (pushFields) and every other layout from strings
// (push). Both must store exactly the same events: checked here on the real exports and on random
// files full of the values the rules are about.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFields } from './csv-fields';
import { EventEncoder } from './encoder';
import { detectMapping } from './guess';
import { readRows } from './read-rows';
import { sniffSource } from './sniff';
import type { Mapping, SourceInfo } from './types';

const DATA = resolve(import.meta.dirname, '../../../shared/datasets');

/** Everything an encoder produced: chunk bytes by column, dictionaries, rejections, counts. */
interface Encoded {
  chunks: Record<string, Buffer>[];
  dicts: Record<string, string[]>;
  rejects: string[];
  total: number;
  range: [number, number];
}

function finish(enc: EventEncoder, chunks: Encoded['chunks'], rejects: string[]): Encoded {
  if (enc.pending > 0) chunks.push(columnsOf(enc));
  return { chunks, dicts: enc.dictionaries(), rejects, total: enc.total, range: [enc.minTs, enc.maxTs] };
}

function columnsOf(enc: EventEncoder): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(enc.take().columns).map(([k, v]) => [k, Buffer.from(v)]));
}

const once = <T,>(value: T) => new ReadableStream<T>({ start: (c) => (c.enqueue(value), c.close()) });

async function viaStrings(text: string, info: SourceInfo, mapping: Mapping): Promise<Encoded> {
  const enc = new EventEncoder(mapping, info.header);
  const chunks: Encoded['chunks'] = [];
  const rejects: string[] = [];
  await readRows(once(text), info, (b) => {
    b.rows.forEach((row, i) => {
      const reason = row.length === info.header.length ? enc.push(row) : 'width';
      if (reason) rejects.push(`${b.lines[i]}: ${reason}`);
      if (enc.full) chunks.push(columnsOf(enc));
    });
  });
  return finish(enc, chunks, rejects);
}

async function viaFields(text: string, info: SourceInfo, mapping: Mapping): Promise<Encoded> {
  const enc = new EventEncoder(mapping, info.header);
  const chunks: Encoded['chunks'] = [];
  const rejects: string[] = [];
  await readFields(once(new TextEncoder().encode(text)), info, (f) => {
    for (let r = 0; r < f.count; r++) {
      const reason = f.width(r) === info.header.length ? enc.pushFields(f, r) : 'width';
      if (reason) rejects.push(`${f.line[r]}: ${reason}`);
      if (enc.full) chunks.push(columnsOf(enc));
    }
  });
  return finish(enc, chunks, rejects);
}

async function expectSame(text: string, info: SourceInfo, mapping: Mapping, label: string): Promise<Encoded> {
  const a = await viaStrings(text, info, mapping);
  const b = await viaFields(text, info, mapping);
  expect(b.rejects, label).toEqual(a.rejects);
  expect(b.dicts, label).toEqual(a.dicts);
  expect([b.total, b.range], label).toEqual([a.total, a.range]);
  expect(b.chunks.length, label).toBe(a.chunks.length);
  a.chunks.forEach((chunk, i) => {
    for (const [name, bytes] of Object.entries(chunk)) expect(b.chunks[i]?.[name]?.equals(bytes), `${label}: chunk ${i}, column ${name}`).toBe(true);
  });
  return b;
}

async function realExport(name: string, text: string) {
  const info = sniffSource(text.slice(0, 65_536));
  return expectSame(text, info, detectMapping(info).mapping, name);
}

/** A deterministic pseudo-random file of awkward cells for every mapped column. */
function randomFile(seed: number, decimalComma: boolean, unix: boolean): string {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)] as string;
  const d = decimalComma ? ';' : ',';
  const times = unix
    ? ['1700000000', '1700000000123', '1700000000123456', '"1700000001"', '', 'NA', 'soon', '1.7e9', ' 1700000002 ', '-5']
    : ['2024-01-02 03:04:05', '2024-01-02T03:04:05Z', '"2024-01-02 03:04:06"', '2024-02-30 00:00:00', '', 'null', 'yesterday', '2024-01-02', ' 2024-01-03 10:00 '];
  const numbers = decimalComma ? ['2,55', '1.234,50', '€3', '', 'abc', '"4,5"', '-0', '7', ' 8 ', 'NaN'] : ['2.55', '"1,234.50"', '$3', '', 'abc', '"4.5"', '-0', '1e3', ' 7 ', '12345678901234567890', 'NaN', '.5', '5.'];
  const cells = () => [
    pick(times), pick(['pv', 'cart', 'buy', '', 'NA', ' View ', 'Wish', '"buy"']), pick(['17850.0', '17850', '', 'NA', ' u1 ', '"u,2"', '(not set)', 'ü3']),
    pick(['1', '2', '"2"', '', 's-9']), pick(['A', 'B', '"A"', 'B ', '', '😀', '"say ""hi"""']), pick(numbers), pick(numbers), pick(numbers),
    pick(['C536379', '536380', '"C9"', ' C1', '', 'c5']), pick(['UK', 'France', '', 'NA', '"Côte d\'Ivoire"']),
  ];
  const lines = ['time,type,user,session,item,price,quantity,total,order,country'.replaceAll(',', d)];
  for (let i = 0; i < 3000; i++) lines.push(rnd() < 0.02 ? '' : cells().join(d));
  return `${lines.join('\n')}\n`;
}

const RANDOM_MAPPING: Mapping = {
  columns: { time: 0, type: 1, user: 2, session: 3, item: 4, price: 5, quantity: 6, revenue: 7, order: 8, country: 9 },
  timeFormat: 'iso', typeMap: { pv: 'view', buy: 'purchase' }, defaultType: 'view', decimalComma: false, refundOrderPrefix: 'C',
};

describe('encoding delimited bytes', () => {
  it('stores exactly what the string rows store for online-retail, with its expected figures', async () => {
    const text = gunzipSync(readFileSync(resolve(DATA, 'online-retail.csv.gz'))).toString('utf8');
    const expected = JSON.parse(readFileSync(resolve(DATA, 'online-retail.expected.json'), 'utf8'));
    const got = await realExport('online-retail', text);
    expect(got.total).toBe(expected.events);
  }, 60_000);

  it('stores exactly what the string rows store for rees46', async () => {
    const got = await realExport('rees46', readFileSync(resolve(DATA, 'rees46-2019-oct-head.csv'), 'utf8'));
    expect(got.total).toBeGreaterThan(0);
  });

  it('stores exactly what the string rows store for random awkward files, rejections included', async () => {
    for (let seed = 1; seed <= 24; seed++) {
      const decimalComma = seed % 3 === 0;
      const unix = seed % 2 === 0;
      const text = randomFile(seed, decimalComma, unix);
      const info: SourceInfo = { format: 'delimited', delimiter: decimalComma ? ';' : ',', hasHeader: true, header: text.slice(0, text.indexOf('\n')).split(decimalComma ? ';' : ','), preview: [] };
      const mapping: Mapping = { ...RANDOM_MAPPING, decimalComma, timeFormat: unix ? 'unix-auto' : 'iso', sessionPerUser: seed % 4 < 2 };
      const got = await expectSame(text, info, mapping, `seed ${seed}`);
      expect(got.rejects.length).toBeGreaterThan(0);
      expect(got.total).toBeGreaterThan(0);
    }
  });
});
