import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectMapping } from './guess';
import { parseTime } from './infer';
import { DEFAULT_TYPE_MAP, PRESETS } from './presets';
import { sniffSource } from './sniff';

const DATA = path.resolve(import.meta.dirname, '../../../shared/datasets');
const HEAD = 64 * 1024;
const detect = (text: string) => detectMapping(sniffSource(text));

describe('DEFAULT_TYPE_MAP', () => {
  it('maps source names onto canonical types and leaves others alone', () => {
    expect(['pv', 'clicks', 'view_item', 'detail'].map((k) => DEFAULT_TYPE_MAP[k])).toEqual(['view', 'view', 'view', 'view']);
    expect(['addtocart', 'carts', 'fav', 'begin_checkout', 'buy', 'transaction', 'orders', 'refund'].map((k) => DEFAULT_TYPE_MAP[k]))
      .toEqual(['cart', 'cart', 'wishlist', 'checkout', 'purchase', 'purchase', 'purchase', 'refund']);
    expect(Object.hasOwn(DEFAULT_TYPE_MAP, 'page_view')).toBe(false);
    expect(Object.hasOwn(DEFAULT_TYPE_MAP, 'session_start')).toBe(false);
  });
  it('has unique preset ids', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['rees46', 'online-retail', 'retailrocket', 'otto', 'ga4', 'shopify', 'taobao']);
  });
});

describe('presets on real files', () => {
  it('rees46', () => {
    const g = detect(readFileSync(path.join(DATA, 'rees46-2019-oct-head.csv'), 'utf8').slice(0, HEAD));
    expect(g).toMatchObject({ preset: 'rees46', label: 'REES46 events', unresolved: [] });
    expect(g.mapping).toEqual({
      columns: { time: 0, type: 1, item: 2, category: 4, brand: 5, price: 6, user: 7, session: 8 },
      timeFormat: 'iso', typeMap: { ...DEFAULT_TYPE_MAP }, defaultType: 'view', decimalComma: false,
    });
  });
  it('online-retail', () => {
    const gz = readFileSync(path.join(DATA, 'online-retail.csv.gz')).subarray(0, 32_000);
    const g = detect(zlib.gunzipSync(gz, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8').slice(0, HEAD));
    expect(g.preset).toBe('online-retail');
    expect(g.mapping).toMatchObject({
      columns: { order: 0, item: 1, quantity: 3, time: 4, price: 5, user: 6, country: 7 },
      timeFormat: 'iso', defaultType: 'purchase', refundOrderPrefix: 'C', decimalComma: false,
    });
  });
  it('online-retail with US dates', () => {
    const g = detect('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'
      + '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n'
      + 'C536379,D,Discount,-1,12/13/2010 9:41,27.5,14527,United Kingdom\n');
    expect(g.preset).toBe('online-retail');
    expect(g.mapping.timeFormat).toBe('us');
  });
  it('otto', () => {
    const g = detect(readFileSync(path.join(DATA, 'otto-sessions.jsonl'), 'utf8').slice(0, HEAD));
    expect(g).toMatchObject({ preset: 'otto', unresolved: [] });
    expect(g.mapping).toMatchObject({ columns: { session: 0, item: 1, time: 2, type: 3 }, timeFormat: 'unix-auto', defaultType: 'view' });
    expect(g.mapping.typeMap.orders).toBe('purchase');
  });
});

describe('presets on hand-made samples', () => {
  it('retailrocket', () => {
    const g = detect('timestamp,visitorid,event,itemid,transactionid\n1433221332117,257597,view,355908,\n1433224214164,992329,addtocart,248676,\n1433221999827,111016,transaction,7943,4000\n');
    expect(g.preset).toBe('retailrocket');
    expect(g.mapping).toMatchObject({ columns: { time: 0, user: 1, type: 2, item: 3, order: 4 }, timeFormat: 'unix-auto', defaultType: 'view' });
  });
  it('taobao (headerless)', () => {
    const g = detect('1,2268318,2520377,pv,1511544070\n1,2333346,2520771,pv,1511561733\n1,3830808,4181361,fav,1511593493\n100,1603476,2951233,buy,1511579908\n');
    expect(g).toMatchObject({ preset: 'taobao', label: 'Taobao UserBehavior', unresolved: [] });
    expect(g.mapping).toMatchObject({ columns: { user: 0, item: 1, category: 2, type: 3, time: 4 }, timeFormat: 'unix-auto' });
  });
  it('ga4 flattened to CSV', () => {
    const g = detect('event_date,event_timestamp,event_name,user_pseudo_id,user_id,event_params.ga_session_id,items.item_id,items.item_category,items.item_brand,items.price,items.quantity,ecommerce.transaction_id,ecommerce.purchase_revenue,geo.country,traffic_source.medium,traffic_source.source\n'
      + '20240305,1709648530123456,purchase,123.456,,1709648000,SKU1,Mugs,Acme,10.5,2,T1,21,Germany,organic,google\n'
      + '20240305,1709648400000000,page_view,123.456,,1709648000,,,,,,,,Germany,organic,google\n');
    expect(g.preset).toBe('ga4');
    expect(g.mapping).toMatchObject({
      columns: { time: 1, type: 2, user: 3, session: 5, item: 6, category: 7, brand: 8, price: 9, quantity: 10, order: 11, country: 13, channel: 14 },
      timeFormat: 'unix-auto', defaultType: 'view',
    });
    expect(g.mapping.columns.revenue).toBeUndefined();
  });
  it('ga4 BigQuery JSON lines', () => {
    const lines = [
      { event_date: '20240305', event_timestamp: '1709648400000000', event_name: 'page_view', event_params: [{ key: 'ga_session_id', value: { int_value: '1709648000', string_value: null } }], user_pseudo_id: '123.456', geo: { country: 'Germany' }, traffic_source: { medium: 'organic', source: 'google' }, items: [] },
      { event_date: '20240305', event_timestamp: '1709648530123456', event_name: 'purchase', event_params: [{ key: 'ga_session_id', value: { int_value: '1709648000' } }], user_pseudo_id: '123.456', geo: { country: 'Germany' }, traffic_source: { medium: 'organic', source: 'google' }, ecommerce: { transaction_id: 'T1', purchase_revenue: 30 }, items: [{ item_id: 'SKU1', price: 10, quantity: 1 }, { item_id: 'SKU2', price: 10, quantity: 2 }] },
    ];
    const info = sniffSource(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(info.header).toEqual(['event_date', 'event_timestamp', 'event_name', 'event_params.ga_session_id', 'user_pseudo_id', 'geo.country', 'traffic_source.medium', 'traffic_source.source', 'items', 'ecommerce.transaction_id', 'ecommerce.purchase_revenue', 'item_id', 'price', 'quantity']);
    expect(info.preview).toHaveLength(3);
    const g = detectMapping(info);
    expect(g.preset).toBe('ga4');
    expect(g.mapping.columns).toEqual({ time: 1, type: 2, user: 4, session: 3, item: 11, price: 12, quantity: 13, order: 9, country: 5, channel: 6 });
    expect(parseTime(info.preview[1]?.[1] ?? '', g.mapping.timeFormat)).toBe(1_709_648_530_123.456);
  });
  it('shopify orders export', () => {
    const head = 'Name,Email,Financial Status,Paid at,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Country,Shipping Country,Source,Vendor\n';
    const g = detect(head
      + '#1001,ann@example.com,paid,2024-03-05 14:25:00 -0500,USD,35.00,2024-03-05 14:22:10 -0500,2,Blue Mug,15.00,MUG-BL,US,US,web,Acme\n'
      + '#1002,bob@example.com,refunded,2024-03-06 09:00:00 -0500,USD,4.00,2024-03-06 08:59:59 -0500,1,Plate,4.00,PL-1,CA,CA,pos,Acme\n');
    expect(g.preset).toBe('shopify');
    expect(g.mapping).toMatchObject({
      columns: { order: 0, user: 1, time: 6, quantity: 7, price: 9, item: 10, brand: 14, country: 11, channel: 13 },
      timeFormat: 'iso', defaultType: 'purchase',
    });
    expect(parseTime('2024-03-05 14:22:10 -0500', 'iso')).toBe(Date.parse('2024-03-05T19:22:10Z'));
    const noSku = detect(head + '#1003,cy@example.com,paid,,USD,9,2024-03-07 10:00:00 +0100,1,Cup,9.00,,DE,DE,web,Acme\n');
    expect(noSku.mapping.columns.item).toBe(8);
  });
  it('an aligned Online Retail listing', () => {
    const g = detect('InvoiceNo  StockCode  Quantity  InvoiceDate          UnitPrice\n536365     85123A            6  2010-12-01 08:26:00       2.55\n');
    expect(g.preset).toBe('online-retail');
    expect(g.mapping.columns).toEqual({ order: 0, item: 1, quantity: 2, time: 3, price: 4 });
  });
});
