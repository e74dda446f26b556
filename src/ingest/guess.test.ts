import { describe, expect, it } from 'vitest';
import { detectMapping, headerSignature } from './guess';
import { DEFAULT_TYPE_MAP } from './presets';
import { sniffSource } from './sniff';

const detect = (text: string) => detectMapping(sniffSource(text));

describe('best guess', () => {
  it('takes an orders file without event types as purchases', () => {
    const g = detect('order_id,customer_id,order_date,product,qty,amount\nA1,C9,2024-01-03,Mug,2,19.90\nA2,C7,2024-01-04,Plate,1,4.50\n');
    expect(g).toEqual({
      preset: 'guess', label: 'Best guess', unresolved: [],
      mapping: {
        columns: { order: 0, user: 1, time: 2, item: 3, quantity: 4, revenue: 5 },
        timeFormat: 'iso', typeMap: { ...DEFAULT_TYPE_MAP }, defaultType: 'purchase', decimalComma: false,
      },
    });
  });
  it('takes a click log as views', () => {
    const g = detect('visitor_id,product_id,page,ts\nv1,p1,/home,1511544070\nv2,p2,/mugs,1511544071\n');
    expect(g.mapping).toMatchObject({ columns: { user: 0, item: 1, time: 3 }, timeFormat: 'unix-auto', defaultType: 'view' });
    expect(g.unresolved).toEqual([]);
  });
  it('lists time as unresolved when no column holds times', () => {
    const g = detect('customer,sku,price\nc1,s1,2.50\nc2,s2,3.00\n');
    expect(g.mapping.columns).toEqual({ user: 0, item: 1, price: 2 });
    expect(g.mapping.defaultType).toBe('purchase');
    expect(g.unresolved).toEqual(['time']);
  });
  it('rejects a time-named column whose values are not times', () => {
    const g = detect('date,user_id\nyesterday,u1\ntoday,u2\n');
    expect(g.mapping.columns).toEqual({ user: 1 });
    expect(g.unresolved).toEqual(['time']);
  });
  it('finds time and event type by value shape in a headerless file', () => {
    const g = detect('a9,x1,20240301,cart\nb7,x2,20240302,purchase\nc5,x3,20240302,view\n');
    expect(g.mapping).toMatchObject({ columns: { time: 2, type: 3 }, timeFormat: 'yyyymmdd' });
    expect(g.unresolved).toEqual(['user']);
  });
  it('matches names by token and camelCase', () => {
    const g = detect('OrderDate,CustomerKey,ProductKey,SalesAmount\n2024-01-03,11000,310,3578.27\n');
    expect(g.mapping.columns).toEqual({ time: 0, user: 1, item: 2, revenue: 3 });
  });
  it('reads a semicolon file with decimal commas', () => {
    const g = detect('date;customer_id;sku;quantity;price\n01.12.2010 08:26;K1;T-1;2;12,50\n02.12.2010 09:10;K2;T-2;1;1.234,00\n');
    expect(g.mapping).toMatchObject({ columns: { time: 0, user: 1, item: 2, quantity: 3, price: 4 }, timeFormat: 'dmy', decimalComma: true, defaultType: 'purchase' });
  });
  it('reads tab and pipe files', () => {
    const tab = detect('user_id\tevent\titem_id\ttimestamp\nu1\tview\ti1\t2024-01-03T10:00:00Z\nu1\tcart\ti1\t2024-01-03T10:01:00Z\n');
    expect(tab.mapping.columns).toEqual({ time: 3, type: 1, user: 0, item: 2 });
    const pipe = detect('session_id|action|sku|time\ns1|click|A|12/1/2010 8:26\ns1|purchase|A|12/1/2010 8:30\n');
    expect(pipe.mapping).toMatchObject({ columns: { time: 3, type: 1, session: 0, item: 2 }, timeFormat: 'us' });
    expect(pipe.unresolved).toEqual([]);
  });
  it('reads a file with BOM, CRLF and quoted delimiters', () => {
    const g = detect('\ufeffcreated_at,email,"product, name",total\r\n2024-03-05 14:22:10,a@x.io,"Mug, blue",12.00\r\n2024-03-06 10:00:00,b@x.io,"Cup",3.50\r\n');
    expect(g.mapping.columns).toEqual({ time: 0, user: 1, item: 2, revenue: 3 });
  });
});

describe('headerSignature', () => {
  it('keys on format and lower-cased header, or the width when headerless', () => {
    expect(headerSignature(sniffSource('User_ID,Event\nu1,view\nu2,view\n'))).toBe('delimited|user_id\u241fevent');
    expect(headerSignature(sniffSource('1,2268318,2520377,pv,1511544070\n2,2333346,2520771,pv,1511561733\n'))).toBe('delimited|5 columns');
    expect(headerSignature(sniffSource('{"session":1,"events":[{"aid":2}]}\n'))).toBe('jsonl|session\u241faid');
  });
});
