// Human shopping sessions of the demo store: a view → cart → checkout → purchase funnel whose
// probabilities depend on the user's type, plus wishlists, cart removals and occasional refunds.

import { createRng, deriveSeed, type Rng } from '../lib/random';
import { CANONICAL_TYPES, type CanonicalType } from './types';
import { DAY_MS, isPromo, timeOfDaySampler } from './demo-calendar';
import { catalogSampler, RELATED_PER_ITEM, type CatalogSampler } from './demo-catalog';
import { CHANNELS, type DemoUser, type DemoUserType } from './demo-customers';
import { STREAM, type DemoPlan } from './demo-plan';

/** Code of a canonical type: its index in CANONICAL_TYPES. */
export const typeCode = (name: CanonicalType): number => CANONICAL_TYPES.indexOf(name);
const VIEW = typeCode('view');
const CART = typeCode('cart');
const REMOVE = typeCode('remove_from_cart');
const WISH = typeCode('wishlist');
const CHECKOUT = typeCode('checkout');
const PURCHASE = typeCode('purchase');
const REFUND = typeCode('refund');
/** Channel indexes used directly: promotion mail-outs and refunds handled by support. */
export const EMAIL = CHANNELS.indexOf('email');
export const DIRECT = CHANNELS.indexOf('direct');

/** One generated event; strings are made only when the row is written. */
export interface DemoEvent {
  ts: number;
  user: number;
  session: number;
  /** Index into CANONICAL_TYPES. */
  type: number;
  /** Item index, or -1 for events about the whole cart (checkout). */
  item: number;
  quantity: number;
  /** Order number, or -1 when the row is not a purchase or refund. */
  order: number;
  /** Whether promotion prices apply. */
  promo: boolean;
  country: string;
  /** Index into CHANNELS. */
  channel: number;
}

/** Shared state of event generation: the plan, the event stream and the id counters. */
export interface EventWriter {
  plan: DemoPlan;
  rng: Rng;
  items: CatalogSampler;
  timeOfDay: () => number;
  out: DemoEvent[];
  nextSession: number;
  nextOrder: number;
  /** Each user's last viewed item (-1 before the first view): a returning visit may start from it. */
  lastViewed: Int32Array;
}

/** Creates the writer; its stream is separate from the planning streams. */
export function createWriter(plan: DemoPlan): EventWriter {
  const rng = createRng(deriveSeed(plan.seed, STREAM.events));
  return {
    plan, rng, items: catalogSampler(plan.catalog, rng), timeOfDay: timeOfDaySampler(rng), out: [], nextSession: 0, nextOrder: 0,
    lastViewed: new Int32Array(plan.users.length).fill(-1),
  };
}

/** Funnel behaviour of a human type. Probabilities are per viewed item (cart, wish) or per step. */
interface Profile {
  /** Mean number of views beyond the first. */
  views: number;
  /** Chance a view comes from the user's favourite categories. */
  focus: number;
  cart: number;
  wish: number;
  remove: number;
  checkout: number;
  buy: number;
  /** Mean extra units per purchased line. */
  extraQty: number;
  /** Choose the cheapest of three candidates on every view. */
  cheap: boolean;
  /** Multiplier on cart and checkout chances during the promotion. */
  promoBoost: number;
  /** Chance an order is refunded later. */
  refund: number;
}

/** Profiles per type; fraud accounts browse like this before their burst but never buy here. */
const PROFILES: Record<Exclude<DemoUserType, 'bot'>, Profile> = {
  loyal: { views: 5, focus: 0.7, cart: 0.16, wish: 0.04, remove: 0.12, checkout: 0.65, buy: 0.9, extraQty: 0.6, cheap: false, promoBoost: 1.3, refund: 0.03 },
  bargain: { views: 6, focus: 0.4, cart: 0.05, wish: 0.08, remove: 0.25, checkout: 0.3, buy: 0.75, extraQty: 0.1, cheap: true, promoBoost: 2.5, refund: 0.05 },
  'one-off': { views: 3, focus: 0.5, cart: 0.1, wish: 0.02, remove: 0.15, checkout: 0.45, buy: 0.8, extraQty: 0.1, cheap: false, promoBoost: 1.5, refund: 0 },
  churning: { views: 4, focus: 0.6, cart: 0.1, wish: 0.03, remove: 0.15, checkout: 0.5, buy: 0.85, extraQty: 0.2, cheap: false, promoBoost: 1.5, refund: 0.04 },
  fraud: { views: 3, focus: 0, cart: 0, wish: 0.1, remove: 0, checkout: 0, buy: 0, extraQty: 0, cheap: false, promoBoost: 1, refund: 0 },
};

/** Chance a session arrives through the user's usual channel rather than another one. */
const USUAL_CHANNEL = 0.7;
/** Highest per-step chance after the promotion boost. */
const MAX_CHANCE = 0.95;
/** Chance the next view follows one of the last viewed item's links, within a visit and at the start of the next. */
const FOLLOW_LINK = 0.55;
const RESUME_LINK = 0.3;

/**
 * Picks the next viewed item: often a link of the previous one (the item-to-item paths sequence models
 * learn), otherwise from the favourite categories or the whole catalogue, cheap ones for bargain hunters.
 */
function pickItem(w: EventWriter, user: DemoUser, p: Profile, previous: number, follow: number): number {
  if (previous >= 0 && w.rng.chance(follow)) return w.plan.catalog.related[previous * RELATED_PER_ITEM + w.rng.int(RELATED_PER_ITEM)] ?? previous;
  const draw = (): number => (w.rng.chance(p.focus) ? w.items.itemIn(w.rng.pick(user.favourites)) : w.items.anyItem());
  let best = draw();
  if (!p.cheap) return best;
  const price = w.plan.catalog.itemPrice;
  for (let i = 0; i < 2; i++) {
    const other = draw();
    if ((price[other] ?? 0) < (price[best] ?? 0)) best = other;
  }
  return best;
}

/** Writes one human session of user u starting on `day`, with any refund it leads to. */
export function writeHumanSession(w: EventWriter, u: number, day: number): void {
  const user = w.plan.users[u];
  if (!user || user.type === 'bot') return;
  const { rng } = w;
  const p = PROFILES[user.type];
  const cal = w.plan.calendar;
  const promo = isPromo(cal, day);
  const boost = promo ? p.promoBoost : 1;
  const channel = rng.chance(USUAL_CHANNEL) ? user.channel : promo && rng.chance(0.5) ? EMAIL : rng.int(CHANNELS.length);
  const session = w.nextSession++;
  let t = cal.startMs + day * DAY_MS + w.timeOfDay();
  const add = (type: number, item: number, quantity = 1, order = -1): void => {
    w.out.push({ ts: Math.round(t), user: u, session, type, item, quantity, order, promo, country: user.country, channel });
  };

  const cart: number[] = [];
  const views = 1 + rng.poisson(p.views);
  for (let v = 0; v < views; v++) {
    const item = pickItem(w, user, p, w.lastViewed[u] ?? -1, v === 0 ? RESUME_LINK : FOLLOW_LINK);
    w.lastViewed[u] = item;
    add(VIEW, item);
    t += 3_000 + rng.exponential(35_000);
    if (rng.chance(p.wish)) {
      add(WISH, item);
      t += 2_000 + rng.exponential(5_000);
    }
    if (!rng.chance(Math.min(MAX_CHANCE, p.cart * boost))) continue;
    add(CART, item);
    cart.push(item);
    t += 3_000 + rng.exponential(15_000);
    if (rng.chance(p.remove)) {
      add(REMOVE, item);
      cart.pop();
      t += 2_000 + rng.exponential(10_000);
    }
  }
  if (cart.length === 0 || !rng.chance(Math.min(MAX_CHANCE, p.checkout * boost))) return;
  t += 10_000 + rng.exponential(60_000);
  add(CHECKOUT, -1);
  if (!rng.chance(p.buy)) return;
  t += 20_000 + rng.exponential(90_000);
  const order = w.nextOrder++;
  const lines = cart.map((item) => ({ item, quantity: 1 + rng.poisson(p.extraQty) }));
  for (const line of lines) add(PURCHASE, line.item, line.quantity, order);
  if (!rng.chance(p.refund)) return;
  // Refunds come days later but never after the user's last active day (churners stay silent).
  const refundAt = t + DAY_MS * (1 + rng.next() * 6);
  if (refundAt >= cal.startMs + (user.lastDay + 1) * DAY_MS) return;
  writeRefund(w, u, lines, order, refundAt, promo, user.country);
}

/** Writes a refund of an order's lines as its own short session. */
export function writeRefund(
  w: EventWriter, u: number, lines: readonly { item: number; quantity: number }[], order: number, ts: number, promo: boolean, country: string,
): void {
  const session = w.nextSession++;
  for (const { item, quantity } of lines) {
    w.out.push({ ts: Math.round(ts), user: u, session, type: REFUND, item, quantity, order, promo, country, channel: DIRECT });
  }
}
