import { describe, expect, it } from 'vitest';
import { buildBatch, calendarRows, decoderWidth, encoderWidth, fitScale, range, windowLevel, type SampleSpec } from './lstm-features';

describe('calendarRows', () => {
  it('one-hots the weekday (Monday first) and places the month on the circle', () => {
    // 2024-01-01 was a Monday; 2024-03-16 (period 75) a Saturday, half-way through March.
    const rows = calendarRows({ start: '2024-01-01', freq: 'day' }, 0, 76);
    const row = (t: number) => [...rows.subarray(t * 9, (t + 1) * 9)];
    expect(row(0).slice(0, 7)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(row(6).slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(row(0)[7]).toBeCloseTo(0); // sin 0: 1 January
    expect(row(0)[8]).toBeCloseTo(1);
    expect(row(75).slice(0, 7)).toEqual([0, 0, 0, 0, 0, 1, 0]);
    const angle = (2 * Math.PI * (2 + 15 / 31)) / 12;
    expect(row(75)[7]).toBeCloseTo(Math.sin(angle), 6);
    expect(row(75)[8]).toBeCloseTo(Math.cos(angle), 6);
  });

  it('has only the month for weekly series', () => {
    const rows = calendarRows({ start: '2024-07-01', freq: 'week' }, 0, 2);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBeCloseTo(Math.sin(Math.PI), 6); // 1 July: half a year
  });
});

describe('buildBatch', () => {
  const y = Float64Array.from({ length: 40 }, (_, t) => t + 1);
  const promo = Uint8Array.from({ length: 40 }, (_, t) => (t === 10 || t === 15 ? 1 : 0));
  const spec: SampleSpec = { cal: { start: '2024-01-01', freq: 'day' }, w: 14, h: 3, p: 7, q: 7, scale: 2 };

  it('lays out the window step-major, level-centred, with its promotion flags', () => {
    const b = buildBatch(y, promo, [14, 20], spec);
    const fw = encoderWidth(7);
    expect(b.count).toBe(2);
    expect(b.x).toHaveLength(2 * 2 * fw);
    const level = windowLevel(y, 14, 14); // mean of 1 … 14
    expect(level).toBe(7.5);
    // Step 0 of sample 0: periods 0 … 6; step 1 of sample 0: periods 7 … 13 (period 10 is a promotion).
    expect([...b.x.subarray(0, 7)]).toEqual([1, 2, 3, 4, 5, 6, 7].map((v) => (v - 7.5) / 2));
    const step1 = b.x.subarray(2 * fw, 2 * fw + fw);
    expect(step1[0]).toBe((8 - 7.5) / 2);
    expect([...step1.subarray(7)]).toEqual([0, 0, 0, 1, 0, 0, 0]);
    // Step 0 of sample 1 starts at period 6.
    expect(b.x[fw]).toBe((7 - windowLevel(y, 20, 14)) / 2);
  });

  it('gives the same-weekday lags, the future calendar and flags, and masks targets outside the range', () => {
    const b = buildBatch(y, promo, [14], spec, 0, 16);
    // Horizon step k of origin 14 is period 14 + k; its lags are periods 14 − 14 + 7j + k.
    expect([...b.lags]).toEqual([0, 7, 1, 8, 2, 9].map((t) => (t + 1) / 2));
    const g = decoderWidth('day');
    expect([...b.xf.subarray(0, g)]).toEqual([...calendarRows(spec.cal, 14, 1), 0]);
    expect([...b.xf.subarray(g, 2 * g)]).toEqual([...calendarRows(spec.cal, 15, 1), 1]);
    expect([...b.y]).toEqual([15 / 2, 16 / 2, 0]);
    expect([...b.mask]).toEqual([1, 1, 0]);
  });

  it('reads nothing after the origin but the flags of the horizon', () => {
    const cut = y.slice(0, 20);
    const withFuture = buildBatch(y, promo, [20], spec, 0, 20);
    const withoutFuture = buildBatch(cut, promo, [20], spec);
    expect(withoutFuture.x).toEqual(withFuture.x);
    expect(withoutFuture.lags).toEqual(withFuture.lags);
    expect(withoutFuture.mask.every((m) => m === 0)).toBe(true);
  });
});

describe('helpers', () => {
  it('scales by the mean absolute value and lists origins', () => {
    expect(fitScale([2, -4, 0, 6])).toBe(3);
    expect(fitScale([0, 0])).toBe(1);
    expect(range(3, 5)).toEqual([3, 4, 5]);
    expect(range(5, 4)).toEqual([]);
  });
});
