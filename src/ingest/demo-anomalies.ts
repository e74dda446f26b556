// Injected anomalies of the demo store: crawler bots and fraud bursts. Their timing comes from the
// plan (so labels can state it without events); only the details are drawn from the event stream.

import { DAY_MS, isPromo } from './demo-calendar';
import { BOT_SESSION_EVERY_MS, BOT_VIEW_GAP_MS, BOT_VIEWS, FRAUD_COUNTRIES, type DemoUser } from './demo-customers';
import { DIRECT, typeCode, writeRefund, type EventWriter } from './demo-sessions';

const VIEW = typeCode('view');
const CART = typeCode('cart');
const CHECKOUT = typeCode('checkout');
const PURCHASE = typeCode('purchase');

/** Bot sessions that fit in one day: the phase keeps the last one before midnight. */
const BOT_SESSIONS_PER_DAY = Math.floor(DAY_MS / BOT_SESSION_EVERY_MS);

/** Chance that each fraud order after the first is refunded (the first always is). */
const FRAUD_REFUND = 0.5;
/** Longest step inside a fraud session; three steps stay well inside the spacing between orders. */
const FRAUD_STEP_MAX_MS = 60_000;

/** Day of a fraud account's burst. */
export function burstDay(user: DemoUser, startMs: number): number {
  return user.burst ? Math.floor((user.burst.startMs - startMs) / DAY_MS) : -1;
}

/** End (exclusive) of a fraud burst: every burst order is placed before it. */
export function burstEndMs(user: DemoUser): number {
  return user.burst ? user.burst.startMs + user.burst.orders * user.burst.spacingMs : -1;
}

/**
 * Writes a crawler's day: sessions every BOT_SESSION_EVERY_MS at a fixed phase, each a run of
 * views exactly BOT_VIEW_GAP_MS apart, walking the catalogue in order (uniform, not Zipf).
 */
export function writeBotDay(w: EventWriter, u: number, day: number): void {
  const user = w.plan.users[u];
  if (!user) return;
  const items = w.plan.catalog.itemIds.length;
  const dayStart = w.plan.calendar.startMs + day * DAY_MS;
  for (let k = 0; k < BOT_SESSIONS_PER_DAY; k++) {
    const session = w.nextSession++;
    const start = dayStart + user.botPhaseMs + k * BOT_SESSION_EVERY_MS;
    const first = user.botFirstItem + ((day - user.firstDay) * BOT_SESSIONS_PER_DAY + k) * BOT_VIEWS;
    for (let v = 0; v < BOT_VIEWS; v++) {
      w.out.push({
        ts: start + v * BOT_VIEW_GAP_MS, user: u, session, type: VIEW, item: (first + v) % items,
        quantity: 1, order: -1, promo: false, country: user.country, channel: DIRECT,
      });
    }
  }
}

/**
 * Writes a fraud burst: several orders of the dearest items, a few units each, each shipped to a
 * different country, minutes apart; most of them are refunded one to three days later.
 */
export function writeFraudBurst(w: EventWriter, u: number): void {
  const user = w.plan.users[u];
  const burst = user?.burst;
  if (!user || !burst) return;
  const { rng } = w;
  const cal = w.plan.calendar;
  const end = cal.startMs + cal.days * DAY_MS;
  const promo = isPromo(cal, burstDay(user, cal.startMs));
  for (let k = 0; k < burst.orders; k++) {
    const session = w.nextSession++;
    const country = FRAUD_COUNTRIES[(burst.countryOffset + k) % FRAUD_COUNTRIES.length] ?? 'BR';
    const item = rng.pick(w.plan.catalog.expensiveItems);
    const quantity = 2 + rng.int(3);
    const order = w.nextOrder++;
    let t = burst.startMs + k * burst.spacingMs + rng.int(burst.spacingMs / 3);
    // Checkout rows are about the cart, so they carry no item; only the purchase has the order.
    for (const type of [VIEW, CART, CHECKOUT, PURCHASE]) {
      const isOrder = type === PURCHASE;
      w.out.push({
        ts: t, user: u, session, type, item: type === CHECKOUT ? -1 : item, quantity: isOrder ? quantity : 1,
        order: isOrder ? order : -1, promo, country, channel: user.channel,
      });
      t += 5_000 + rng.int(FRAUD_STEP_MAX_MS);
    }
    const refundAt = t + DAY_MS * (1 + rng.next() * 2);
    if ((k === 0 || rng.chance(FRAUD_REFUND)) && refundAt < end) writeRefund(w, u, [{ item, quantity }], order, refundAt, promo, country);
  }
}
