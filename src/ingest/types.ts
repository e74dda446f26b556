// Shared types of the ingest pipeline: what a source looks like and how it maps onto the canonical event.

import { CANONICAL_TYPES, FIELDS, FIELD_LABELS, type CanonicalType, type Field } from '../lib/canonical';

export { CANONICAL_TYPES, FIELDS, FIELD_LABELS, type CanonicalType, type Field };

/** How a time column is written. `unix-auto` tells seconds, ms and µs apart per value by magnitude. */
export type TimeFormat = 'iso' | 'us' | 'dmy' | 'yyyymmdd' | 'unix-auto';

/** Physical layout of a source file, found by sniffing its first bytes. */
export interface SourceLayout {
  format: 'delimited' | 'aligned' | 'json' | 'jsonl';
  /** Field delimiter for `delimited`. */
  delimiter?: string;
  /** Start offsets of each column for whitespace-aligned text. */
  columnStarts?: number[];
  hasHeader: boolean;
}

/** What the sniffer learns about one file. */
export interface SourceInfo extends SourceLayout {
  /** Column names (generated as `column_1…` when the file has no header). */
  header: string[];
  /** Up to 20 data rows as strings, for the mapping screen and inference. */
  preview: string[][];
}

/** How a source maps onto canonical events. Column values are indexes into the source header. */
export interface Mapping {
  columns: Partial<Record<Field, number>>;
  timeFormat: TimeFormat;
  /** Source event names → canonical type names; names not listed are kept as their own type. */
  typeMap: Record<string, string>;
  /** Event type of every row when no type column is mapped (order lines → purchase, click logs → view). */
  defaultType: CanonicalType;
  /** Orders whose id starts with this prefix are refunds (UCI Online Retail uses 'C'). */
  refundOrderPrefix?: string;
  /** Session ids repeat across users (GA4 `ga_session_id`): a session is the pair (user, session id). */
  sessionPerUser?: boolean;
  /** Numbers use a decimal comma (`12,50`). */
  decimalComma: boolean;
}

/** Result of preset detection or best guess. */
export interface MappingGuess {
  /** Preset id (`rees46`, `online-retail`, …) or `guess` for the heuristic. */
  preset: string;
  /** Human name shown in the UI. */
  label: string;
  mapping: Mapping;
  /** Canonical fields the guess could not settle; non-empty means the user must look. */
  unresolved: Field[];
}
