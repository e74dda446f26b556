import { describe, expect, it } from 'vitest';
import { dailySeries, mostlyNonNegative, periodDates, seasonLength, toWeekly } from './series';

describe('series', () => {
  it('fills days without sales with zeros and marks promotion days', () => {
    const s = dailySeries(new Map([['2024-02-27', 5], ['2024-03-02', 7], ['2024-02-28', 1]]), undefined, new Set(['2024-02-29']));
    expect(s.start).toBe('2024-02-27');
    expect([...s.values]).toEqual([5, 1, 0, 0, 7]); // 2024 is a leap year: 02-29 exists
    expect([...(s.promo ?? [])]).toEqual([0, 0, 1, 0, 0]);
    expect(dailySeries(new Map([['2024-01-02', 3]]), { from: '2024-01-01', to: '2024-01-03' }).values).toEqual(new Float64Array([0, 3, 0]));
  });

  it('lists period dates for days and weeks', () => {
    expect(periodDates('2023-12-30', 'day', 3)).toEqual(['2023-12-30', '2023-12-31', '2024-01-01']);
    expect(periodDates('2024-01-01', 'week', 2, 1)).toEqual(['2024-01-08', '2024-01-15']);
    expect([seasonLength('day'), seasonLength('week')]).toEqual([7, 52]);
  });

  it('sums ISO weeks from Monday and drops incomplete weeks at both ends', () => {
    // 2024-01-03 is a Wednesday: the first Monday is 2024-01-08; 20 days leave two full weeks.
    const values = Float64Array.from({ length: 20 }, (_, i) => i);
    const promo = new Uint8Array(20);
    promo[11] = 1; // Sunday 2024-01-14, the last day of the first full week
    const w = toWeekly({ start: '2024-01-03', freq: 'day', values, promo });
    expect(w.start).toBe('2024-01-08');
    expect([...w.values]).toEqual([5 + 6 + 7 + 8 + 9 + 10 + 11, 12 + 13 + 14 + 15 + 16 + 17 + 18]);
    expect([...(w.promo ?? [])]).toEqual([1, 0]);
  });

  it('treats a positive quantity with rare negative days as non-negative', () => {
    const y = new Float64Array(100).fill(10);
    y[3] = -5;
    expect(mostlyNonNegative(y)).toBe(true);
    y.fill(-5, 0, 10);
    expect(mostlyNonNegative(y)).toBe(false);
  });
});
