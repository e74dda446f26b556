// Known export layouts and the column helpers shared with the best guess (guess.ts). A preset names
// the columns of each canonical field; it applies when all its required fields are found.
import { detectDecimalComma, detectTimeFormat, isMissing } from './infer';
import type { CanonicalType, Field, Mapping, SourceInfo, TimeFormat } from './types';

/** Source event names (lower-case) → canonical types; names not listed stay their own type. */
export const DEFAULT_TYPE_MAP: Readonly<Record<string, CanonicalType>> = {
  pv: 'view', view: 'view', view_item: 'view', detail: 'view', clicks: 'view', click: 'view', product_view: 'view',
  cart: 'cart', addtocart: 'cart', add_to_cart: 'cart', carts: 'cart',
  remove_from_cart: 'remove_from_cart', removefromcart: 'remove_from_cart',
  fav: 'wishlist', wishlist: 'wishlist', add_to_wishlist: 'wishlist',
  checkout: 'checkout', begin_checkout: 'checkout',
  buy: 'purchase', purchase: 'purchase', transaction: 'purchase', orders: 'purchase', order: 'purchase',
  refund: 'refund',
};

/** Column indexes per canonical field. */
export type Columns = Partial<Record<Field, number>>;

/** A known export layout. */
export interface Preset {
  id: string;
  label: string;
  /** Candidate column names per field, best first; a number is a fixed position (headerless files). */
  columns: Partial<Record<Field, readonly string[] | number>>;
  /** Fields that must all be found for the preset to apply. */
  required: readonly Field[];
  /** Extra shape test on top of the required columns. */
  test?: (info: SourceInfo, cols: Columns) => boolean;
  /** Drops or changes columns after matching. */
  adjust?: (cols: Columns) => void;
  /** Time format when the preview cannot tell (no samples). */
  timeFormat: TimeFormat;
  defaultType: CanonicalType;
  refundOrderPrefix?: string;
  /** Session ids are only unique per user (GA4's ga_session_id). */
  sessionPerUser?: boolean;
}

/** Lower-case letters and digits only, so `Customer ID`, `customer_id` and `CustomerID` compare equal. */
export const normName = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The preview values of column i. */
export function columnValues(info: SourceInfo, i: number | undefined): string[] {
  return i === undefined ? [] : info.preview.map((r) => r[i] ?? '');
}

/**
 * The column named like the first of `names` that exists (comparing normalised full names, then the
 * last dotted segment of flattened JSON keys), preferring candidates with values in the preview:
 * Shopify's `Lineitem sku` is often blank while `Lineitem name` never is.
 */
export function findColumn(info: SourceInfo, names: readonly string[], used: ReadonlySet<number> = new Set()): number | undefined {
  const full = info.header.map(normName);
  const last = info.header.map((h) => normName(h.slice(h.lastIndexOf('.') + 1)));
  let firstFound: number | undefined;
  for (const name of names.map(normName)) {
    for (const keys of [full, last]) {
      const i = keys.findIndex((k, j) => k === name && !used.has(j));
      if (i < 0) continue;
      if (columnValues(info, i).some((v) => !isMissing(v))) return i;
      firstFound ??= i;
    }
  }
  return firstFound;
}

/** Builds a full mapping: time format from the time samples, decimal comma from the money samples. */
export function buildMapping(info: SourceInfo, columns: Columns, defaultType: CanonicalType, fallbackTime: TimeFormat = 'iso', refundOrderPrefix?: string): Mapping {
  const money = [columns.price, columns.revenue, columns.quantity].flatMap((i) => columnValues(info, i));
  const mapping: Mapping = {
    columns,
    timeFormat: detectTimeFormat(columnValues(info, columns.time)) ?? fallbackTime,
    typeMap: { ...DEFAULT_TYPE_MAP },
    defaultType,
    decimalComma: detectDecimalComma(money),
  };
  if (refundOrderPrefix !== undefined) mapping.refundOrderPrefix = refundOrderPrefix;
  return mapping;
}

/** Resolves a preset's columns against a source; null when a required field is missing or the shape test fails. */
export function matchPreset(preset: Preset, info: SourceInfo): Mapping | null {
  const cols: Columns = {};
  const used = new Set<number>();
  for (const [field, spec] of Object.entries(preset.columns) as [Field, readonly string[] | number][]) {
    const i = typeof spec === 'number' ? (spec < info.header.length ? spec : undefined) : findColumn(info, spec, used);
    if (i === undefined) continue;
    cols[field] = i;
    used.add(i);
  }
  if (!preset.required.every((f) => cols[f] !== undefined)) return null;
  if (preset.test && !preset.test(info, cols)) return null;
  preset.adjust?.(cols);
  const mapping = buildMapping(info, cols, preset.defaultType, preset.timeFormat, preset.refundOrderPrefix);
  if (preset.sessionPerUser) mapping.sessionPerUser = true;
  return mapping;
}

/** Behaviour names of Taobao UserBehavior, which has no header to recognise it by. */
const TAOBAO_TYPES = new Set(['pv', 'cart', 'fav', 'buy']);

/** Known layouts, most specific first. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'rees46',
    label: 'REES46 events',
    // category_code (`computers.notebook`) is human readable; the numeric category_id is only a fallback.
    columns: {
      time: ['event_time'], type: ['event_type'], item: ['product_id'], category: ['category_code', 'category_id'],
      brand: ['brand'], price: ['price'], user: ['user_id'], session: ['user_session'],
    },
    required: ['time', 'type', 'item', 'user', 'session'],
    timeFormat: 'iso',
    defaultType: 'view',
  },
  {
    id: 'online-retail',
    label: 'UCI Online Retail',
    columns: {
      order: ['InvoiceNo', 'Invoice'], item: ['StockCode'], name: ['Description'], quantity: ['Quantity'], time: ['InvoiceDate'],
      price: ['UnitPrice', 'Price'], user: ['CustomerID'], country: ['Country'],
    },
    required: ['order', 'item', 'quantity', 'time', 'price'],
    timeFormat: 'iso',
    defaultType: 'purchase',
    refundOrderPrefix: 'C',
  },
  {
    id: 'retailrocket',
    label: 'RetailRocket events',
    columns: { time: ['timestamp'], user: ['visitorid'], type: ['event'], item: ['itemid'], order: ['transactionid'] },
    required: ['time', 'user', 'type', 'item'],
    timeFormat: 'unix-auto',
    defaultType: 'view',
  },
  {
    id: 'otto',
    label: 'OTTO sessions',
    // No user column: the pipeline makes each session its own visitor.
    columns: { session: ['session'], item: ['aid'], time: ['ts'], type: ['type'] },
    required: ['session', 'item', 'time', 'type'],
    test: (info) => info.format === 'json' || info.format === 'jsonl',
    timeFormat: 'unix-auto',
    defaultType: 'view',
  },
  {
    id: 'ga4',
    label: 'Google Analytics 4 export',
    // user_pseudo_id is set on every event; user_id only for signed-in users. items.price × quantity
    // gives the line revenue, so purchase_revenue (an order total repeated per item) is only a fallback.
    columns: {
      time: ['event_timestamp'], type: ['event_name'], user: ['user_pseudo_id', 'user_id'], session: ['ga_session_id'],
      item: ['item_id'], name: ['item_name'], category: ['item_category'], brand: ['item_brand'], price: ['price'], quantity: ['quantity'],
      order: ['transaction_id'], revenue: ['purchase_revenue'], country: ['country'], channel: ['medium', 'source'],
    },
    required: ['time', 'type', 'user'],
    adjust: (cols) => {
      if (cols.price !== undefined) delete cols.revenue;
    },
    sessionPerUser: true,
    timeFormat: 'unix-auto',
    defaultType: 'view',
  },
  {
    id: 'shopify',
    label: 'Shopify orders export',
    columns: {
      order: ['Name'], user: ['Email'], time: ['Created at'], quantity: ['Lineitem quantity'], price: ['Lineitem price'],
      item: ['Lineitem sku', 'Lineitem name'], name: ['Lineitem name'], brand: ['Vendor'], country: ['Billing Country', 'Shipping Country'], channel: ['Source'],
    },
    required: ['order', 'time', 'quantity', 'price', 'item'],
    timeFormat: 'iso',
    defaultType: 'purchase',
  },
  {
    id: 'taobao',
    label: 'Taobao UserBehavior',
    columns: { user: 0, item: 1, category: 2, type: 3, time: 4 },
    required: ['user', 'item', 'category', 'type', 'time'],
    test: (info) => {
      const types = columnValues(info, 3).filter((v) => !isMissing(v));
      return info.header.length === 5 && types.length > 0 && types.every((v) => TAOBAO_TYPES.has(v.trim()));
    },
    timeFormat: 'unix-auto',
    defaultType: 'view',
  },
];
