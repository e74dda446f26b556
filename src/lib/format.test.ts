import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatInt, formatMoney, formatPct } from './format';

describe('format', () => {
  it('formats counts, money and shares', () => {
    expect(formatInt(541909)).toBe('541,909');
    expect(formatMoney(9747747.934)).toBe('9,747,747.93');
    expect(formatMoney(-1.5)).toBe('-1.50');
    expect(formatPct(0.04285)).toBe('4.29%');
  });
  it('formats sizes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(17 * 1024 * 1024)).toBe('17 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatDuration(5.4)).toBe('5 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
  });
});
