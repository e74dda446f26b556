// Everything about a demo shop that is decided before events: options, calendar, catalogue and users.
// Each part draws from its own seeded stream, so changing how events are drawn never moves a label.

import { createRng, deriveSeed } from '../lib/random';
import { buildCalendar, type DemoCalendar } from './demo-calendar';
import { buildCatalog, DEMO_CATEGORY_COUNT, type DemoCatalog } from './demo-catalog';
import { planUsers, type DemoUser } from './demo-customers';

/** Options of the demo generator. */
export interface DemoOptions {
  seed: number;
  /** Number of users; events scale linearly with it (default ≈ 200k events). */
  users?: number;
  /** Length of the period in days (default 120, at least 14). */
  days?: number;
  /** First day, ISO date (default '2026-05-01'). */
  start?: string;
}

/** Users in the default shop: calibrated to ≈200k events over 120 days. */
export const DEMO_DEFAULT_USERS = 5_000;
/** Events per user at the default period, measured on the default shop (201.5k / 5,000); for sizing. */
export const DEMO_EVENTS_PER_USER = 40;
/** Default period length in days. */
export const DEMO_DEFAULT_DAYS = 120;
/** Default first day. */
export const DEMO_DEFAULT_START = '2026-05-01';
/** Fewest users accepted: below this the type shares and anomaly counts stop making sense. */
const MIN_USERS = 50;

/** Independent random streams derived from the seed. */
export const STREAM = { catalog: 1, users: 2, events: 3 } as const;

/** The planned shop. */
export interface DemoPlan {
  seed: number;
  calendar: DemoCalendar;
  catalog: DemoCatalog;
  users: readonly DemoUser[];
}

/** Resolves defaults, validates the options and plans the shop (cheap: no events). */
export function planDemo(opts: DemoOptions): DemoPlan {
  const users = opts.users ?? DEMO_DEFAULT_USERS;
  if (!Number.isInteger(users) || users < MIN_USERS) throw new RangeError(`Demo needs an integer of at least ${MIN_USERS} users, got ${users}`);
  if (!Number.isFinite(opts.seed)) throw new RangeError(`Demo seed must be a finite number, got ${opts.seed}`);
  const calendar = buildCalendar(opts.start ?? DEMO_DEFAULT_START, opts.days ?? DEMO_DEFAULT_DAYS);
  const catalog = buildCatalog(createRng(deriveSeed(opts.seed, STREAM.catalog)));
  const planned = planUsers(calendar, users, catalog.itemIds.length, DEMO_CATEGORY_COUNT, createRng(deriveSeed(opts.seed, STREAM.users)));
  return { seed: opts.seed, calendar, catalog, users: planned };
}
