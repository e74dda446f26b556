import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { binaryReason, flattenRecord, isGzip, recordHeader, recordToRow, sniffSource, splitAligned } from './sniff';

const DATA = path.resolve(import.meta.dirname, '../../../shared/datasets');
const HEAD = 64 * 1024;
const bytes = (...b: number[]): Uint8Array => new Uint8Array([...b, 0x41, 0x42, 0x43, 0x0a]);
/** The first ~200 KB of the gzipped Online Retail file, decoded without inflating the rest. */
const retailHead = (): string =>
  zlib.gunzipSync(readFileSync(path.join(DATA, 'online-retail.csv.gz')).subarray(0, 32_000), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8');

describe('binaryReason / isGzip', () => {
  it('names binary formats', () => {
    expect(binaryReason(bytes(0x89, 0x50, 0x4e, 0x47))).toBe('looks like a PNG image, not a text or JSON export');
    expect(binaryReason(bytes(0xff, 0xd8, 0xff))).toBe('looks like a JPEG image, not a text or JSON export');
    expect(binaryReason(bytes(0x47, 0x49, 0x46, 0x38))).toBe('looks like a GIF image, not a text or JSON export');
    expect(binaryReason(bytes(0x25, 0x50, 0x44, 0x46))).toBe('looks like a PDF document, not a text or JSON export');
    expect(binaryReason(bytes(0x50, 0x4b, 0x03, 0x04))).toBe('looks like a ZIP archive (an Excel .xlsx workbook is one), not a text or JSON export');
    expect(binaryReason(bytes(0x1f, 0x8b))).toBe('looks like gzip-compressed data (compressed twice?), not a text or JSON export');
    expect(binaryReason(new TextEncoder().encode('a,b\n1,\u0000'))).toBe('contains NUL bytes, so it looks like a binary file, not a text or JSON export');
    expect(binaryReason(new Uint8Array([1, 2, 3, 4, 5, 65]))).toBe('is mostly control characters, so it looks like a binary file, not a text or JSON export');
  });
  it('passes UTF-8 text, with or without BOM', () => {
    expect(binaryReason(new TextEncoder().encode('\ufeffname;prix\r\ncafé;12,50\r\n'))).toBeNull();
    expect(binaryReason(readFileSync(path.join(DATA, 'otto-sessions.jsonl')).subarray(0, 4096))).toBeNull();
  });
  it('spots gzip', () => {
    expect(isGzip(readFileSync(path.join(DATA, 'online-retail.csv.gz')).subarray(0, 4))).toBe(true);
    expect(isGzip(readFileSync(path.join(DATA, 'rees46-2019-oct-head.csv')).subarray(0, 4))).toBe(false);
  });
});

describe('sniffSource on real files', () => {
  it('reads the REES46 head', () => {
    const info = sniffSource(readFileSync(path.join(DATA, 'rees46-2019-oct-head.csv'), 'utf8').slice(0, HEAD));
    expect(info).toMatchObject({ format: 'delimited', delimiter: ',', hasHeader: true });
    expect(info.header).toEqual(['event_time', 'event_type', 'product_id', 'category_id', 'category_code', 'brand', 'price', 'user_id', 'user_session']);
    expect(info.preview).toHaveLength(20);
    expect(info.preview[0]).toEqual(['2019-10-01 00:00:00 UTC', 'view', '44600062', '2103807459595387724', '', 'shiseido', '35.79', '541312140', '72d76fde-8bb3-4e00-8c23-a032dfed738c']);
  });
  it('reads the gzipped Online Retail head', () => {
    const text = retailHead();
    expect(text.length).toBeGreaterThan(150_000);
    const info = sniffSource(text.slice(0, HEAD));
    expect(info).toMatchObject({ format: 'delimited', delimiter: ',', hasHeader: true });
    expect(info.header).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(info.preview[0]).toEqual(['536365', '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '6', '2010-12-01 08:26:00', '2.55', '17850.0', 'United Kingdom']);
  });
  it('reads and explodes OTTO sessions', () => {
    const info = sniffSource(readFileSync(path.join(DATA, 'otto-sessions.jsonl'), 'utf8').slice(0, HEAD));
    expect(info).toMatchObject({ format: 'jsonl', hasHeader: true, header: ['session', 'aid', 'ts', 'type'] });
    expect(info.preview).toHaveLength(20);
    expect(info.preview[0]).toEqual(['0', '1517085', '1659304800025', 'clicks']);
    expect(info.preview[6]).toEqual(['0', '1649869', '1659369893840', 'carts']);
  });
});

describe('sniffSource on layouts', () => {
  it('finds a headerless Taobao file', () => {
    const info = sniffSource('1,2268318,2520377,pv,1511544070\n1,2333346,2520771,pv,1511561733\n1,2576651,149192,buy,1511572885\n');
    expect(info).toMatchObject({ format: 'delimited', delimiter: ',', hasHeader: false, header: ['column_1', 'column_2', 'column_3', 'column_4', 'column_5'] });
    expect(info.preview).toHaveLength(3);
    expect(info.preview[2]).toEqual(['1', '2576651', '149192', 'buy', '1511572885']);
  });
  it('handles BOM, CRLF and quoted delimiters', () => {
    const info = sniffSource('\ufeffid,"name, full",price\r\n1,"Mug, blue ""XL""",3.50\r\n2,"Plate\r\nround",4\r\n');
    expect(info).toMatchObject({ format: 'delimited', delimiter: ',', hasHeader: true, header: ['id', 'name, full', 'price'] });
    expect(info.preview).toEqual([['1', 'Mug, blue "XL"', '3.50'], ['2', 'Plate\r\nround', '4']]);
  });
  it('prefers semicolons over decimal commas', () => {
    const info = sniffSource('01.12.2010;Mug;12,50\n02.12.2010;Plate;3,20\n03.12.2010;Cup;1,05\n');
    expect(info).toMatchObject({ delimiter: ';', hasHeader: false });
    expect(info.preview[0]).toEqual(['01.12.2010', 'Mug', '12,50']);
  });
  it('reads tab and pipe files', () => {
    expect(sniffSource('user\titem\tts\nu1\ti1\t1511544070\nu2\ti2\t1511544071\n')).toMatchObject({ delimiter: '\t', hasHeader: true, header: ['user', 'item', 'ts'] });
    const pipe = sniffSource('user|item|price\nu1|i, one|2.5\nu2|i2|3\n');
    expect(pipe).toMatchObject({ delimiter: '|', hasHeader: true });
    expect(pipe.preview[0]).toEqual(['u1', 'i, one', '2.5']);
  });
  it('falls back to delimited text when a leading bracket is not JSON', () => {
    expect(sniffSource('[id],[name]\n1,Ann\n2,Bob\n')).toMatchObject({ format: 'delimited', hasHeader: true, header: ['[id]', '[name]'] });
  });
  it('reads a single-column file', () => {
    expect(sniffSource('sku\nA-1\nB-2\n')).toMatchObject({ format: 'delimited', delimiter: ',', hasHeader: true, header: ['sku'], preview: [['A-1'], ['B-2']] });
  });
  it('decides the header of all-text files', () => {
    expect(sniffSource('name,city\nAnn,Paris\nBob,Rome\n').hasHeader).toBe(true);
    expect(sniffSource('Ann,Paris\nBob,Rome\nAnn,Oslo\n').hasHeader).toBe(false);
    expect(sniffSource('Ann,Ann\nBob,Rome\n').hasHeader).toBe(false);
  });
  it('reads whitespace-aligned columns with spaces inside values', () => {
    const text = [
      'InvoiceNo  StockCode  Quantity  InvoiceDate          UnitPrice',
      '536365     85123A            6  2010-12-01 08:26:00       2.55',
      '536366     71053            12  2010-12-01 08:28:00      13.39',
    ].join('\n');
    const info = sniffSource(text);
    expect(info).toMatchObject({ format: 'aligned', hasHeader: true, columnStarts: [0, 11, 22, 32, 53] });
    expect(info.header).toEqual(['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice']);
    expect(info.preview[1]).toEqual(['536366', '71053', '12', '2010-12-01 08:28:00', '13.39']);
  });
  it('drops the cut last line of a long head but keeps it in a short complete text', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i},2010-12-01 08:26:00,${i * 2}`);
    const cut = `a,b,c\n${rows.join('\n')}\n99999,2010-12`;
    expect(sniffSource(cut).preview).toHaveLength(20);
    expect(sniffSource(cut.slice(0, 200) + '\n5,6').preview.length).toBeGreaterThan(0);
    const short = sniffSource('a,b\n1,2\n3,4');
    expect(short.preview).toEqual([['1', '2'], ['3', '4']]);
  });
  it('reads a cut, pretty-printed JSON array', () => {
    const info = sniffSource('[\n  {"id": 1, "geo": {"country": "DE"}, "tags": ["a", "b"]},\n  {"id": 2, "geo": null, "extra": true},\n  {"id": 3, "ge');
    expect(info).toMatchObject({ format: 'json', hasHeader: true, header: ['id', 'geo.country', 'tags', 'geo', 'extra'] });
    expect(info.preview).toEqual([['1', 'DE', 'a|b', '', ''], ['2', '', '', '', 'true']]);
  });
});

describe('flattenRecord', () => {
  it('explodes the first array of objects with the parent fields', () => {
    const rows = flattenRecord({ session: 12, events: [{ aid: 5, ts: 1659304800025, type: 'clicks' }, { aid: 6, ts: 1659304800026, type: 'carts' }] });
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { session: '12', aid: '5', ts: '1659304800025', type: 'clicks' },
      { session: '12', aid: '6', ts: '1659304800026', type: 'carts' },
    ]);
  });
  it('prefixes clashing keys, flattens GA4 params and keeps later object arrays as JSON', () => {
    const rows = flattenRecord({
      id: 1, event_params: [{ key: 'ga_session_id', value: { int_value: 77, string_value: null } }],
      items: [{ id: 9, price: 2 }], other: [{ x: 1 }], geo: { country: 'FR' }, gone: null,
    });
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { id: '1', 'event_params.ga_session_id': '77', other: '[{"x":1}]', 'geo.country': 'FR', gone: '', 'items.id': '9', price: '2' },
    ]);
  });
  it('keeps scalars and arrays as one row', () => {
    expect(flattenRecord(5).map((r) => ({ ...r }))).toEqual([{ value: '5' }]);
    expect(flattenRecord([1, 'a']).map((r) => ({ ...r }))).toEqual([{ column_1: '1', column_2: 'a' }]);
    expect(flattenRecord({ a: 1, list: [] }).map((r) => ({ ...r }))).toEqual([{ a: '1', list: '' }]);
  });
  it('builds a header and rows from records', () => {
    const recs: Record<string, string>[] = [{ a: '1', b: '2' }, { c: '3', a: '4' }];
    const header = recordHeader(recs);
    expect(header).toEqual(['a', 'b', 'c']);
    expect(recs.map((r) => recordToRow(r, header))).toEqual([['1', '2', ''], ['4', '', '3']]);
  });
});

describe('splitAligned', () => {
  it('cuts at the column starts and trims', () => {
    expect(splitAligned('536365     85123A            6  2010-12-01 08:26:00', [0, 11, 22, 32])).toEqual(['536365', '85123A', '6', '2010-12-01 08:26:00']);
    expect(splitAligned('1  2', [0, 3, 8])).toEqual(['1', '2', '']);
  });
});
