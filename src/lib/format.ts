// Number formatting for the UI, fixed to one locale so figures read the same for every user and test.

const LOCALE = 'en-US';
const int = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });

/** 541909 → "541,909". */
export const formatInt = (n: number): string => int.format(n);
/** 9747747.934 → "9,747,747.93". */
export const formatMoney = (n: number): string => money.format(n);
/** 1234567 → "1.2M", for chart axes. */
export const formatCompact = (n: number): string => compact.format(n);
/** 0.0428 → "4.28%". */
export const formatPct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** Bytes as KB/MB/GB. */
export function formatBytes(b: number): string {
  if (b < 1024) return `${b} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = b / 1024, u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** Seconds as "12 s" or "3 min 5 s". */
export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '—';
  if (s < 60) return `${Math.max(0, Math.round(s))} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
