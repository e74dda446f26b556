// The demo store's customers: who they are, where they come from, when they are active and how often
// they visit. Planned from the seed before any event exists, so labels never need the events.

import { cdfSampler, type Rng } from '../lib/random';
import { paddedId } from './demo-ids';
import { DAY_MS, type DemoCalendar, trafficCurve } from './demo-calendar';

/** True behaviour of a demo user, kept as a label for testing models. */
export type DemoUserType = 'loyal' | 'bargain' | 'one-off' | 'churning' | 'bot' | 'fraud';

/** Human user types and their shares of human users. */
const HUMAN_SHARES: readonly (readonly [DemoUserType, number])[] = [
  ['loyal', 0.12], ['bargain', 0.23], ['one-off', 0.45], ['churning', 0.2],
];

/** Users per bot, and the fewest bots in any shop (a detector needs something to find). */
export const USERS_PER_BOT = 1500;
const MIN_BOTS = 2;
/** Users per fraud account, and the fewest fraud accounts. */
export const USERS_PER_FRAUD = 1000;
const MIN_FRAUD = 3;

/** Median sessions per day (at base traffic) of recurring human types; spread is log-normal. */
const SESSION_RATE: Partial<Record<DemoUserType, number>> = { loyal: 0.15, bargain: 0.04, churning: 0.12 };
const RATE_SIGMA = 0.4;
/** Chance that a recurring customer already exists on day 0 rather than arriving with the traffic curve. */
const EXISTING_SHARE = 0.45;

/** ISO-2 countries of human shoppers and their weights. */
export const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'PL', 'NL', 'CA', 'ES'] as const;
const COUNTRY_WEIGHTS = [34, 14, 14, 10, 8, 6, 8, 6];
/** Countries that fraud orders ship to, one per order, so a fraud account spans many countries. */
export const FRAUD_COUNTRIES = ['BR', 'NG', 'VN', 'ID', 'MX', 'IN', 'TR', 'PH'] as const;

/** Acquisition channels, in the order the weights below use. */
export const CHANNELS = ['organic', 'paid_search', 'email', 'social', 'direct'] as const;
/** Per type, how likely each channel brings the user in (loyal users answer emails, bargain hunters ads). */
const CHANNEL_WEIGHTS: Record<DemoUserType, readonly number[]> = {
  loyal: [25, 10, 30, 10, 25], bargain: [20, 30, 20, 25, 5], 'one-off': [35, 30, 5, 25, 5],
  churning: [35, 20, 15, 15, 15], fraud: [10, 40, 0, 10, 40], bot: [0, 0, 0, 0, 1],
};

/** Bots: a session every this many ms, this many views each, exactly this far apart. */
export const BOT_SESSION_EVERY_MS = 3 * 3_600_000;
export const BOT_VIEWS = 24;
export const BOT_VIEW_GAP_MS = 2_500;

/** A fraud account's burst of high-value orders. */
export interface FraudBurst {
  startMs: number;
  /** Orders are spaced this far apart; all of them start before startMs + orders × spacingMs. */
  spacingMs: number;
  orders: number;
  /** Offset into FRAUD_COUNTRIES of the first order's country. */
  countryOffset: number;
}

/** One planned user. Day numbers are inclusive and 0-based. */
export interface DemoUser {
  id: string;
  type: DemoUserType;
  country: string;
  /** Index into CHANNELS of the channel that usually brings this user. */
  channel: number;
  firstDay: number;
  lastDay: number;
  /** Sessions per day at base traffic (recurring humans). */
  rate: number;
  /** Categories this user mostly browses. */
  favourites: readonly number[];
  /** Bots: offset of the first session of each day, and first item of the crawl. */
  botPhaseMs: number;
  botFirstItem: number;
  burst?: FraudBurst;
}

/** Number of bots and fraud accounts among `users` users. */
export function anomalyCounts(users: number): { bots: number; fraud: number } {
  return {
    bots: Math.max(MIN_BOTS, Math.round(users / USERS_PER_BOT)),
    fraud: Math.max(MIN_FRAUD, Math.round(users / USERS_PER_FRAUD)),
  };
}

/** Shuffled list of types with exact counts, so shares hold even for small shops. */
function typeList(users: number, rng: Rng): DemoUserType[] {
  const { bots, fraud } = anomalyCounts(users);
  const humans = users - bots - fraud;
  const types: DemoUserType[] = [];
  for (const [type, share] of HUMAN_SHARES) {
    // The last type takes the rounding remainder, so the counts add up to exactly `users`.
    const n = type === 'churning' ? humans - types.length : Math.round(humans * share);
    for (let i = 0; i < n; i++) types.push(type);
  }
  for (let i = 0; i < bots; i++) types.push('bot');
  for (let i = 0; i < fraud; i++) types.push('fraud');
  return rng.shuffle(types);
}

/** Plans `count` users over the calendar; `items` and `categories` size the catalogue. */
export function planUsers(cal: DemoCalendar, count: number, items: number, categories: number, rng: Rng): DemoUser[] {
  const { days } = cal;
  const arrival = cdfSampler(trafficCurve(cal), rng);
  const country = cdfSampler(COUNTRY_WEIGHTS, rng);
  const lastActive = days - cal.silentDays - 1;
  const minChurnSpan = Math.round(days / 6);

  return typeList(count, rng).map((type, i): DemoUser => {
    const medianRate = SESSION_RATE[type];
    const user: DemoUser = {
      id: paddedId('u', i, 6), type, country: COUNTRIES[country()] ?? 'US',
      channel: rng.weighted(CHANNEL_WEIGHTS[type]), firstDay: 0, lastDay: days - 1,
      rate: medianRate ? rng.logNormal(Math.log(medianRate), RATE_SIGMA) : 0,
      favourites: [rng.int(categories), rng.int(categories), rng.int(categories)],
      botPhaseMs: 0, botFirstItem: 0,
    };
    switch (type) {
      case 'loyal':
      case 'bargain':
        user.firstDay = rng.chance(EXISTING_SHARE) ? 0 : arrival();
        break;
      case 'one-off':
        user.firstDay = user.lastDay = arrival();
        break;
      case 'churning':
        // Active early, then silent for the last third of the period.
        user.firstDay = rng.int(Math.max(1, Math.round(days * 0.08)));
        user.lastDay = Math.min(lastActive, user.firstDay + minChurnSpan + rng.int(Math.max(1, lastActive - user.firstDay - minChurnSpan + 1)));
        break;
      case 'bot': {
        const span = Math.min(days, 10 + rng.int(11));
        user.firstDay = rng.int(days - span + 1);
        user.lastDay = user.firstDay + span - 1;
        user.botPhaseMs = rng.int(BOT_SESSION_EVERY_MS - BOT_VIEWS * BOT_VIEW_GAP_MS);
        user.botFirstItem = rng.int(items);
        break;
      }
      case 'fraud': {
        // A fresh account browses a few days, then orders in a burst; refunds follow within 3 days.
        const burstDay = 7 + rng.int(days - 14);
        user.firstDay = Math.max(0, burstDay - 1 - rng.int(4));
        user.lastDay = Math.min(days - 1, burstDay + 3);
        user.burst = {
          startMs: cal.startMs + burstDay * DAY_MS + (1 + rng.int(18)) * 3_600_000 + rng.int(3_600_000),
          spacingMs: (15 + rng.int(25)) * 60_000, orders: 3 + rng.int(4), countryOffset: rng.int(FRAUD_COUNTRIES.length),
        };
        break;
      }
    }
    return user;
  });
}
