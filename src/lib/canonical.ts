// The canonical event vocabulary, shared by ingest (which maps onto it) and the UI (which shows it).

/** Canonical event types; their index is the fixed type code of every dataset's type dictionary. */
export const CANONICAL_TYPES = ['view', 'cart', 'remove_from_cart', 'wishlist', 'checkout', 'purchase', 'refund'] as const;
export type CanonicalType = (typeof CANONICAL_TYPES)[number];

/** Canonical columns a source column can be mapped onto (ARCHITECTURE.md §1). */
export const FIELDS = ['time', 'user', 'session', 'type', 'item', 'name', 'category', 'brand', 'price', 'quantity', 'revenue', 'order', 'country', 'channel'] as const;
export type Field = (typeof FIELDS)[number];

/** Human labels for the mapping screen. */
export const FIELD_LABELS: Record<Field, string> = {
  time: 'Time', user: 'User', session: 'Session', type: 'Event type', item: 'Item', name: 'Item name', category: 'Category',
  brand: 'Brand', price: 'Unit price', quantity: 'Quantity', revenue: 'Line total', order: 'Order',
  country: 'Country', channel: 'Channel',
};
