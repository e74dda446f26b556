// Mapping detection: a known preset when the header (or shape) matches one, otherwise a best guess
// from well-known column names and value shapes, with the fields it could not settle listed.
import { detectTimeFormat, inferColumnKind, isMissing, parseNumber } from './infer';
import { DEFAULT_TYPE_MAP, PRESETS, buildMapping, columnValues, findColumn, matchPreset, normName, type Columns } from './presets';
import type { Field, MappingGuess, SourceInfo } from './types';

/** Well-known column names per field, best first; compared after normName, also on the last dotted segment. */
const NAMES: Record<Field, readonly string[]> = {
  time: ['timestamp', 'event_time', 'event_timestamp', 'time', 'datetime', 'date', 'created_at', 'order_date', 'invoice_date', 'purchase_date', 'ts', 'event_date'],
  type: ['event_type', 'event', 'event_name', 'action', 'behavior', 'behaviour', 'behavior_type', 'activity', 'type'],
  order: ['order_id', 'invoice', 'invoice_no', 'invoice_id', 'transaction_id', 'order_number', 'order_no', 'order'],
  user: ['user_id', 'customer_id', 'visitor_id', 'fullVisitorId', 'household_id', 'client_id', 'user_pseudo_id', 'member_id', 'account_id', 'customer', 'user', 'email'],
  session: ['session_id', 'user_session', 'ga_session_id', 'visit_id', 'session'],
  item: ['item_id', 'product_id', 'sku', 'aid', 'asin', 'stock_code', 'article_id', 'variant_id', 'item', 'product'],
  name: ['product_name', 'item_name', 'description', 'title', 'name'],
  price: ['price', 'unit_price', 'item_price', 'product_price'],
  quantity: ['quantity', 'qty', 'units', 'item_quantity'],
  revenue: ['revenue', 'amount', 'total', 'sales', 'line_total', 'total_price', 'order_total'],
  category: ['category', 'category_code', 'category_name', 'category_id', 'product_category', 'item_category'],
  brand: ['brand', 'vendor', 'manufacturer', 'item_brand'],
  country: ['country', 'country_code', 'billing_country', 'shipping_country'],
  channel: ['channel', 'source', 'medium', 'utm_source', 'utm_medium', 'traffic_source', 'referrer'],
};

/** Name tokens that hint at a field when no well-known name matched (`ship_date`, `CustomerKey`). */
const TOKENS: Partial<Record<Field, readonly string[]>> = {
  time: ['timestamp', 'datetime', 'date', 'time'],
  order: ['order', 'invoice', 'transaction'],
  user: ['user', 'customer', 'visitor', 'client', 'member', 'buyer'],
  session: ['session'],
  item: ['item', 'product', 'sku', 'article'],
  price: ['price'],
  quantity: ['quantity', 'qty'],
  revenue: ['revenue', 'amount', 'total', 'sales'],
  category: ['category'],
  brand: ['brand'],
  country: ['country'],
  channel: ['channel', 'medium'],
};

/** Fields in the order they claim columns: value-checked and specific ones first. */
const FIELD_ORDER: readonly Field[] = ['time', 'type', 'order', 'user', 'session', 'item', 'name', 'price', 'quantity', 'revenue', 'category', 'brand', 'country', 'channel'];
/** Share of a column's values that must be known event names for it to be taken as the type column. */
const TYPE_SHARE = 0.5;
/** Unix values the shape fallback accepts as time (seconds or ms); bigger ones are more often ids. */
const SHAPE_UNIX_MAX = 1e14;

/** The preset that fits the source, or else the best guess. */
export function detectMapping(info: SourceInfo): MappingGuess {
  for (const preset of PRESETS) {
    const mapping = matchPreset(preset, info);
    if (mapping) return { preset: preset.id, label: preset.label, mapping, unresolved: [] };
  }
  return guessMapping(info);
}

/** Stable key under which a confirmed mapping is remembered: format and lower-cased header, or the width when headerless. */
export function headerSignature(info: SourceInfo): string {
  const columns = info.hasHeader ? info.header.map((h) => h.trim().toLowerCase()).join('\u241f') : `${info.header.length} columns`;
  return `${info.format}|${columns}`;
}

/** Heuristic mapping from column names, then value shapes for time and event type. */
export function guessMapping(info: SourceInfo): MappingGuess {
  const cols: Columns = {};
  const used = new Set<number>();
  const take = (field: Field, i: number | undefined): void => {
    if (i === undefined || cols[field] !== undefined) return;
    cols[field] = i;
    used.add(i);
  };
  for (const field of FIELD_ORDER) take(field, candidates(info, field, used, (i) => findColumn(info, NAMES[field], i)));
  for (const field of FIELD_ORDER) take(field, candidates(info, field, used, (i) => byToken(info, TOKENS[field] ?? [], i)));
  const byShape = (test: (values: string[]) => boolean): number | undefined => {
    const i = info.header.findIndex((_, j) => !used.has(j) && test(columnValues(info, j)));
    return i < 0 ? undefined : i;
  };
  take('time', byShape(isShapeTime));
  take('type', byShape(isTypeColumn));
  // Without an item id, the item's name is the best identifier there is.
  if (cols.item === undefined && cols.name !== undefined) {
    cols.item = cols.name;
    delete cols.name;
  }
  // Order ids without prices still make an orders file, so they count like money here.
  const money = cols.price !== undefined || cols.revenue !== undefined || cols.order !== undefined;
  const defaultType = cols.type === undefined && money ? 'purchase' : 'view';
  const unresolved: Field[] = [];
  if (cols.time === undefined) unresolved.push('time');
  if (cols.user === undefined && cols.session === undefined) unresolved.push('user');
  return { preset: 'guess', label: 'Best guess', mapping: buildMapping(info, cols, defaultType), unresolved };
}

/** The first column `find` returns whose values suit the field, skipping used and unsuitable ones. */
function candidates(info: SourceInfo, field: Field, used: Set<number>, find: (skip: Set<number>) => number | undefined): number | undefined {
  const skip = new Set(used);
  for (let i = find(skip); i !== undefined; i = find(skip)) {
    if (suits(field, columnValues(info, i))) return i;
    skip.add(i);
  }
  return undefined;
}

/** Value checks by field: times must parse, money and quantities must be numeric. Empty previews pass. */
function suits(field: Field, values: string[]): boolean {
  if (values.every(isMissing)) return true;
  if (field === 'time') return detectTimeFormat(values) !== null;
  if (field === 'price' || field === 'quantity' || field === 'revenue') {
    return values.every((v) => isMissing(v) || !Number.isNaN(parseNumber(v, false)) || !Number.isNaN(parseNumber(v, true)));
  }
  return true;
}

/** First unused column whose name has one of the tokens (split at non-letters and camelCase). */
function byToken(info: SourceInfo, tokens: readonly string[], skip: Set<number>): number | undefined {
  for (const token of tokens) {
    const i = info.header.findIndex((h, j) => !skip.has(j) && nameTokens(h).includes(token));
    if (i >= 0) return i;
  }
  return undefined;
}

/** `OrderDate` → ['order', 'date']; `ship_date` → ['ship', 'date']. */
function nameTokens(name: string): string[] {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).map(normName).filter(Boolean);
}

/** A headerless or oddly named time column: dates in any form, yyyymmdd, or unix seconds / ms. */
function isShapeTime(values: string[]): boolean {
  const fmt = detectTimeFormat(values);
  if (fmt !== 'unix-auto') return fmt !== null;
  return values.every((v) => isMissing(v) || Math.abs(parseNumber(v, false)) < SHAPE_UNIX_MAX);
}

/** A text column whose values are mostly known event names (pv, cart, purchase …). */
function isTypeColumn(values: string[]): boolean {
  const present = values.filter((v) => !isMissing(v));
  if (present.length === 0 || inferColumnKind(present) !== 'text') return false;
  return present.filter((v) => Object.hasOwn(DEFAULT_TYPE_MAP, v.trim().toLowerCase())).length >= present.length * TYPE_SHARE;
}
