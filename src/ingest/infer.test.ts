import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDecimalComma, detectTimeFormat, inferColumnKind, isMissing, normaliseId, parseNumber, parseTime } from './infer';

const DATA = path.resolve(import.meta.dirname, '../../../shared/datasets');
const utc = (iso: string): number => Date.parse(iso);

describe('isMissing', () => {
  it('treats blanks and the usual null spellings as missing', () => {
    for (const s of ['', '   ', '\t', 'NA', 'n/a', 'N/A', 'null', 'NULL', 'NaN', 'None', '(not set)', ' (NOT SET) ']) expect(isMissing(s), s).toBe(true);
  });
  it('keeps real values', () => {
    for (const s of ['0', 'nan2', 'Nancy', 'none of it', 'N', '-', '17850.0']) expect(isMissing(s), s).toBe(false);
  });
});

describe('parseTime', () => {
  it('reads ISO forms with and without zones as UTC', () => {
    expect(parseTime('2010-12-01 08:26:00', 'iso')).toBe(utc('2010-12-01T08:26:00Z'));
    expect(parseTime('2010-12-01T08:26:00Z', 'iso')).toBe(utc('2010-12-01T08:26:00Z'));
    expect(parseTime('2010-12-01T08:26:00+02:00', 'iso')).toBe(utc('2010-12-01T06:26:00Z'));
    expect(parseTime('2010-12-01T08:26:00+0200', 'iso')).toBe(utc('2010-12-01T06:26:00Z'));
    expect(parseTime('2010-12-01T08:26:00.123456Z', 'iso')).toBe(utc('2010-12-01T08:26:00.123Z'));
    expect(parseTime('2010-12-01', 'iso')).toBe(utc('2010-12-01T00:00:00Z'));
    expect(parseTime('2019-10-01 00:00:00 UTC', 'iso')).toBe(utc('2019-10-01T00:00:00Z'));
    expect(parseTime('2024-03-05 14:22:10 -0500', 'iso')).toBe(utc('2024-03-05T19:22:10Z'));
    expect(parseTime(' 2012-02-29 23:59 ', 'iso')).toBe(utc('2012-02-29T23:59:00Z'));
  });
  it('reads US, day-first, yyyymmdd and unix forms', () => {
    expect(parseTime('12/1/2010 8:26', 'us')).toBe(utc('2010-12-01T08:26:00Z'));
    expect(parseTime('12/1/2010 8:26:05 PM', 'us')).toBe(utc('2010-12-01T20:26:05Z'));
    expect(parseTime('12/1/2010 12:05 am', 'us')).toBe(utc('2010-12-01T00:05:00Z'));
    expect(parseTime('01.12.2010 08:26', 'dmy')).toBe(utc('2010-12-01T08:26:00Z'));
    expect(parseTime('31.12.2010', 'dmy')).toBe(utc('2010-12-31T00:00:00Z'));
    expect(parseTime('20191001', 'yyyymmdd')).toBe(utc('2019-10-01T00:00:00Z'));
    expect(parseTime('1511544070', 'unix-auto')).toBe(1_511_544_070_000);
    expect(parseTime('1511544070.5', 'unix-auto')).toBe(1_511_544_070_500);
    expect(parseTime('1659304800025', 'unix-auto')).toBe(1_659_304_800_025);
    expect(parseTime('1709648530123456', 'unix-auto')).toBe(1_709_648_530_123.456);
    expect(parseTime('1709648530123456789', 'unix-auto')).toBe(1_709_648_530_123.4568);
  });
  it('returns NaN for impossible or foreign values', () => {
    for (const [s, f] of [['2010-13-01', 'iso'], ['2011-02-29', 'iso'], ['2010-12-01 24:00', 'iso'], ['13/1/2010 8:26', 'us'],
      ['20101301', 'yyyymmdd'], ['2010120', 'yyyymmdd'], ['abc', 'unix-auto'], ['2010-12-01x', 'iso'], ['', 'iso']] as const) {
      expect(parseTime(s, f), s).toBeNaN();
    }
  });
  it('parses 500k ISO strings fast', () => {
    const text = Array.from({ length: 500_000 }, (_, i) => `2010-12-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:26:00`).join('\n');
    const values = text.split('\n');
    const t0 = performance.now();
    let bad = 0;
    for (const v of values) if (Number.isNaN(parseTime(v, 'iso'))) bad++;
    expect(bad).toBe(0);
    expect(performance.now() - t0).toBeLessThan(300);
  });
});

describe('detectTimeFormat', () => {
  it('finds each format', () => {
    expect(detectTimeFormat(['2010-12-01 08:26:00', '2010-12-01 08:28:00'])).toBe('iso');
    expect(detectTimeFormat(['12/1/2010 8:26', '12/13/2010 9:00'])).toBe('us');
    expect(detectTimeFormat(['13/1/2010', '1/2/2010'])).toBe('dmy');
    expect(detectTimeFormat(['01.12.2010 08:26', '02.12.2010 09:00:05'])).toBe('dmy');
    expect(detectTimeFormat(['20191001', '20191002'])).toBe('yyyymmdd');
    expect(detectTimeFormat(['1511544070', '1511561733'])).toBe('unix-auto');
    expect(detectTimeFormat(['1659304800025', 'NA'])).toBe('unix-auto');
  });
  it('does not take ids, quantities or prices for times', () => {
    expect(detectTimeFormat(['17850', '13047', '12583'])).toBeNull();
    expect(detectTimeFormat(['6', '8', '32'])).toBeNull();
    expect(detectTimeFormat(['2.55', '3.39'])).toBeNull();
    expect(detectTimeFormat(['44600062', '17200506'])).toBeNull();
    expect(detectTimeFormat(['2103807459595387724', '2053013552326770905'])).toBeNull();
    expect(detectTimeFormat(['', 'NA'])).toBeNull();
  });
  it('tolerates a few bad values, not many', () => {
    const good = Array.from({ length: 19 }, (_, i) => `2010-12-${String(i + 1).padStart(2, '0')}`);
    expect(detectTimeFormat([...good, 'oops'])).toBe('iso');
    expect(detectTimeFormat([...good.slice(0, 8), 'oops', 'oops'])).toBeNull();
  });
  it('reads the REES46 times', () => {
    const lines = readFileSync(path.join(DATA, 'rees46-2019-oct-head.csv'), 'utf8').split('\n').slice(1, 21);
    const times = lines.map((l) => l.split(',')[0] ?? '');
    expect(detectTimeFormat(times)).toBe('iso');
    expect(parseTime(times[0] ?? '', 'iso')).toBe(utc('2019-10-01T00:00:00Z'));
  });
});

describe('parseNumber', () => {
  it('reads plain, signed and currency numbers', () => {
    expect(parseNumber('2.55', false)).toBe(2.55);
    expect(parseNumber(' -3.5 ', false)).toBe(-3.5);
    expect(parseNumber('$12.50', false)).toBe(12.5);
    expect(parseNumber('-£3', false)).toBe(-3);
    expect(parseNumber('€ 7', false)).toBe(7);
    expect(parseNumber('1,234.5', false)).toBe(1234.5);
    expect(parseNumber('1e3', false)).toBe(1000);
    expect(parseNumber('0.1', false)).toBe(0.1);
  });
  it('reads decimal commas', () => {
    expect(parseNumber('1.234,50', true)).toBe(1234.5);
    expect(parseNumber('12,5', true)).toBe(12.5);
    expect(parseNumber('12,50 €', true)).toBe(12.5);
  });
  it('returns NaN on failure', () => {
    for (const s of ['', 'abc', '12a', '1.2.3', '--1', '$']) expect(parseNumber(s, false), s).toBeNaN();
    expect(parseNumber('12,5', false)).toBeNaN();
  });
  it('agrees with Number() to the last bit', () => {
    for (let i = 0; i < 20_000; i++) {
      const s = (i * 0.37).toFixed(2);
      if (parseNumber(s, false) !== Number(s)) throw new Error(s);
    }
    expect(parseNumber('9007199254740993', false)).toBe(Number('9007199254740993'));
  });
});

describe('detectDecimalComma / normaliseId / inferColumnKind', () => {
  it('tells decimal marks apart', () => {
    expect(detectDecimalComma(['12,5', '3,20'])).toBe(true);
    expect(detectDecimalComma(['1.234,50', '7'])).toBe(true);
    expect(detectDecimalComma(['2.55', '1,234.50'])).toBe(false);
    expect(detectDecimalComma(['1,234', '5,678'])).toBe(false);
  });
  it('normalises ids', () => {
    expect(normaliseId(' 17850.0 ')).toBe('17850');
    expect(normaliseId('17850.00')).toBe('17850');
    expect(normaliseId('17850.5')).toBe('17850.5');
    expect(normaliseId('85123A')).toBe('85123A');
    expect(normaliseId('A.0')).toBe('A.0');
  });
  it('infers column kinds', () => {
    expect(inferColumnKind(['', 'NA'])).toBe('empty');
    expect(inferColumnKind(['2019-10-01 00:00:00 UTC'])).toBe('time');
    expect(inferColumnKind(['1', '22', ''])).toBe('integer');
    expect(inferColumnKind(['1.5', '2'])).toBe('number');
    expect(inferColumnKind(['12,5', '3'])).toBe('number');
    expect(inferColumnKind(['pv', '1'])).toBe('text');
  });
});
