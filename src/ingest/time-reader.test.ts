import { describe, expect, it } from 'vitest';
import { parseTime } from './infer';
import { TimeReader } from './time-reader';

describe('TimeReader', () => {
  it('gives what parseTime gives, for repeats, returns to earlier values and unique times alike', () => {
    const raw = ['2011-12-09 12:50:00', '2011-12-09 12:50:00', 'not a time', '2011-12-09 12:50:00', '2011-12-09 12:49:00', ''];
    // 30k unique times switch the cache off half-way; the answers must not change when it does.
    for (let i = 0; i < 30_000; i++) raw.push(new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString(), raw[i % 6] as string);
    const reader = new TimeReader('iso');
    const got = raw.map((r) => reader.parse(r));
    expect(got).toEqual(raw.map((r) => parseTime(r, 'iso')));
    expect(got[0]).toBe(Date.UTC(2011, 11, 9, 12, 50));
  });
});
