// File-level sniffing: is it text, which layout (JSON, JSON Lines, delimited, aligned), is there a
// header, and a small preview. Works on the decoded head of a file, so the last line may be cut.
import Papa from 'papaparse';
import { inferColumnKind, isMissing, parseNumber } from './infer';
import type { SourceInfo } from './types';
import { flattenRecord, recordHeader, recordToRow, scanJsonValues } from './json-records';

export { flattenRecord, recordHeader, recordToRow } from './json-records';

/** Data rows kept in SourceInfo.preview. */
export const PREVIEW_ROWS = 20;
/** Rows used to choose the delimiter and decide the header. */
const SAMPLE_ROWS = 100;
/** Text at least this long without a final newline is taken as a cut head, so its last line is dropped. */
export const CUT_HEAD_CHARS = 16 * 1024;
/** Delimiters tried, in order of preference on ties. */
const DELIMITERS = [',', ';', '\t', '|'];
/** Share of control characters (other than tab, newline, form feed) above which bytes are binary. */
const CONTROL_SHARE = 0.1;
/** Share of rows that must have the modal field count for a delimiter to count as consistent. */
const CONSISTENT_SHARE = 0.9;

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (an Excel .xlsx workbook is one)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel/Office (.xls) file'],
  [[0x1f, 0x8b], 'gzip-compressed data (compressed twice?)'],
  [[0x50, 0x41, 0x52, 0x31], 'a Parquet file'],
  [[0xff, 0xfe], 'UTF-16 text (save it as UTF-8)'],
  [[0xfe, 0xff], 'UTF-16 text (save it as UTF-8)'],
];

/** Why the bytes are not a text or JSON export (binary formats, NUL bytes, control chars), or null for text. */
export function binaryReason(bytes: Uint8Array): string | null {
  const found = MAGIC.find(([magic]) => magic.every((b, i) => bytes[i] === b));
  if (found) return `looks like ${found[1]}, not a text or JSON export`;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return 'contains NUL bytes, so it looks like a binary file, not a text or JSON export';
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > n * CONTROL_SHARE ? 'is mostly control characters, so it looks like a binary file, not a text or JSON export' : null;
}

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Sniffs layout, header and preview from the decoded head of a file; `complete` says the text is the whole file. */
export function sniffSource(text: string, complete = text.length < CUT_HEAD_CHARS): SourceInfo {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.trimStart().charAt(0);
  if (first === '[' || first === '{') {
    const json = sniffJson(body, first === '[' ? 'json' : 'jsonl');
    if (json.header.length > 0) return json; // else maybe a CSV whose header starts with `[id]`
  }
  if (!complete && !/[\r\n]$/.test(body)) body = body.slice(0, Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r')) + 1);
  const delimited = bestDelimiter(body);
  if (delimited === null || delimited.share < CONSISTENT_SHARE) {
    const aligned = sniffAligned(body);
    if (aligned) return aligned;
  }
  // No delimiter splits the lines: a single-column file, read as comma-separated.
  const rows = delimited?.rows ?? Papa.parse<string[]>(body, { skipEmptyLines: 'greedy', preview: SAMPLE_ROWS + 1, delimiter: ',' }).data;
  return withHeader({ format: 'delimited', delimiter: delimited?.delimiter ?? ',' }, rows, delimited?.width ?? 1);
}

/** JSON array or JSON Lines: flatten the complete records of the head; the header is the union of their keys. */
function sniffJson(text: string, format: 'json' | 'jsonl'): SourceInfo {
  const records = scanJsonValues(text, format === 'json').flatMap(flattenRecord);
  const header = recordHeader(records);
  const preview = records.slice(0, PREVIEW_ROWS).map((r) => recordToRow(r, header));
  return { format, hasHeader: true, header, preview };
}

interface Candidate {
  delimiter: string;
  rows: string[][];
  /** Modal field count. */
  width: number;
  /** Share of rows with the modal field count. */
  share: number;
  /** Cells per row that read as numbers or times: split fragments of a wrong delimiter rarely do. */
  typed: number;
}

/** Picks the delimiter giving the most consistent field count > 1 (quote-aware via papaparse). */
function bestDelimiter(text: string): Candidate | null {
  let best: Candidate | null = null;
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy', preview: SAMPLE_ROWS + 1 });
    const rows = parsed.data;
    if (rows.length === 0) continue;
    const width = mode(rows.map((r) => r.length));
    if (width < 2) continue;
    const share = rows.filter((r) => r.length === width).length / rows.length;
    const typed = rows.reduce((sum, r) => sum + r.filter(isTyped).length, 0) / rows.length;
    const c: Candidate = { delimiter, rows, width, share, typed };
    if (!best || better(c, best)) best = c;
  }
  return best;
}

/** Consistency first (within 5 points), then typed cells, then field count. */
function better(a: Candidate, b: Candidate): boolean {
  if (Math.abs(a.share - b.share) > 0.05) return a.share > b.share;
  if (Math.abs(a.typed - b.typed) > 0.5) return a.typed > b.typed;
  return a.width > b.width;
}

/** A cell that is clearly a value rather than a fragment: missing, a number (either decimal mark) or a time. */
function isTyped(s: string): boolean {
  return isMissing(s) || !Number.isNaN(parseNumber(s, false)) || !Number.isNaN(parseNumber(s, true)) || inferColumnKind([s]) === 'time';
}

/** Most frequent value (first seen wins ties). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) [best, bestCount] = [v, c];
  }
  return best;
}

/** Whitespace-aligned columns: starts are where a run of blank positions (blank in every line) ends. */
function sniffAligned(text: string): SourceInfo | null {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '' && !/^[\s=+|-]+$/.test(l)).slice(0, SAMPLE_ROWS + 1);
  if (lines.length < 2) return null;
  const columnStarts = alignedStarts(lines);
  if (columnStarts.length < 2) return null;
  const rows = lines.map((l) => splitAligned(l, columnStarts));
  return withHeader({ format: 'aligned', columnStarts }, rows, columnStarts.length);
}

/** Column start offsets from positions blank in every line; single-blank gaps only count when no wider gap exists. */
function alignedStarts(lines: string[]): number[] {
  const width = Math.max(...lines.map((l) => l.length));
  const blank = Array.from({ length: width }, (_, p) => lines.every((l) => p >= l.length || l.charCodeAt(p) <= 32));
  const gaps: [number, number][] = []; // [end, width] of each blank run that has text on both sides
  for (let p = 1; p < width; p++) {
    if (!blank[p] || blank[p - 1]) continue;
    let q = p;
    while (q < width && blank[q]) q++;
    if (q < width) gaps.push([q, q - p]);
    p = q;
  }
  const minGap = gaps.some(([, w]) => w >= 2) ? 2 : 1;
  const starts = [blank.indexOf(false)];
  for (const [end, w] of gaps) if (w >= minGap) starts.push(end);
  return starts[0] === -1 ? [] : starts;
}

/** Splits a whitespace-aligned line at the column starts into trimmed cells. */
export function splitAligned(line: string, columnStarts: number[]): string[] {
  return columnStarts.map((start, i) => line.slice(i === 0 ? 0 : start, columnStarts[i + 1] ?? line.length).trim());
}

/** Decides the header, names the columns and cuts the preview to the header's width. */
function withHeader(layout: Omit<SourceInfo, 'header' | 'preview' | 'hasHeader'>, rows: string[][], width: number): SourceInfo {
  const first = rows[0] ?? [];
  const hasHeader = rows.length > 0 && looksLikeHeader(first, rows.slice(1));
  const n = Math.max(width, hasHeader ? first.length : 0);
  const header = hasHeader ? uniqueNames(first.map((c) => c.trim()), n) : Array.from({ length: n }, (_, i) => `column_${i + 1}`);
  const preview = rows.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + PREVIEW_ROWS).map((r) => Array.from({ length: n }, (_, i) => r[i] ?? ''));
  return { ...layout, hasHeader, header, preview };
}

/** Header names with blanks filled (`column_3`) and duplicates suffixed (`price_2`). */
function uniqueNames(cells: string[], n: number): string[] {
  const seen = new Set<string>();
  return Array.from({ length: n }, (_, i) => {
    const base = cells[i] || `column_${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * A first row is a header when its cells' kinds differ from the data's: text above numeric or time
 * columns votes yes, values of the same kind vote no, and a cell repeated below in a text column
 * votes no. With only text columns, distinct non-empty text cells make a header.
 */
function looksLikeHeader(first: string[], data: string[][]): boolean {
  const kinds = first.map((c) => inferColumnKind([c]));
  let votes = 0;
  first.forEach((cell, i) => {
    const column = data.map((r) => r[i] ?? '');
    const kind = inferColumnKind(column);
    if (kind === 'empty' || kinds[i] === 'empty') return;
    if (kind !== 'text') votes += kinds[i] === 'text' ? 1 : -1;
    else if (column.some((v) => v.trim().toLowerCase() === cell.trim().toLowerCase())) votes--;
  });
  if (votes !== 0) return votes > 0;
  return kinds.every((k) => k === 'text') && new Set(first.map((c) => c.trim().toLowerCase())).size === first.length;
}
