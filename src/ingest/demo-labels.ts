// Ground truth of a demo shop: every user's true type and every injected anomaly, made from the plan
// alone (no events), so models can be scored against it cheaply.

import { DAY_MS, isoDay, PROMO_TRAFFIC } from './demo-calendar';
import { PROMO_PRICE_FACTOR } from './demo-catalog';
import { BOT_SESSION_EVERY_MS, BOT_VIEW_GAP_MS, BOT_VIEWS, type DemoUserType } from './demo-customers';
import { burstEndMs } from './demo-anomalies';
import { planDemo, type DemoOptions, type DemoPlan } from './demo-plan';

/** One injected anomaly; `start`/`end` are ISO timestamps of a half-open window [start, end). */
export interface DemoAnomaly {
  kind: 'bot' | 'fraud-burst' | 'promotion';
  /** The user concerned (absent for shop-wide anomalies such as the promotion). */
  user?: string;
  start: string;
  end: string;
  note: string;
}

/** Labels of a demo shop. */
export interface DemoLabels {
  seed: number;
  /** True type of every planned user (a superset of the users that appear in the rows). */
  userTypes: Record<string, DemoUserType>;
  /** First and last promotion day, ISO dates, both inclusive. */
  promotion: { start: string; end: string };
  anomalies: DemoAnomaly[];
}

/** ISO timestamp of a ms value. */
const iso = (ms: number): string => new Date(ms).toISOString();

/** Builds the labels of an already planned shop. */
export function labelsFromPlan(plan: DemoPlan): DemoLabels {
  const cal = plan.calendar;
  const dayStart = (d: number): number => cal.startMs + d * DAY_MS;
  const userTypes: Record<string, DemoUserType> = {};
  const anomalies: DemoAnomaly[] = [{
    kind: 'promotion', start: iso(dayStart(cal.promoStart)), end: iso(dayStart(cal.promoEnd + 1)),
    note: `Sale: prices ×${PROMO_PRICE_FACTOR}, human traffic ×${PROMO_TRAFFIC} (bargain hunters far more), higher conversion`,
  }];
  for (const user of plan.users) {
    userTypes[user.id] = user.type;
    if (user.type === 'bot') {
      anomalies.push({
        kind: 'bot', user: user.id, start: iso(dayStart(user.firstDay)), end: iso(dayStart(user.lastDay + 1)),
        note: `Crawler: a session every ${BOT_SESSION_EVERY_MS / 3_600_000} h, ${BOT_VIEWS} views ${BOT_VIEW_GAP_MS / 1000} s apart, walks the catalogue, never buys`,
      });
    } else if (user.type === 'fraud' && user.burst) {
      anomalies.push({
        kind: 'fraud-burst', user: user.id, start: iso(user.burst.startMs), end: iso(burstEndMs(user)),
        note: `${user.burst.orders} orders of the dearest items, each to another country, ${user.burst.spacingMs / 60_000} min apart; most refunded within 3 days`,
      });
    }
  }
  return { seed: plan.seed, userTypes, promotion: { start: isoDay(cal, cal.promoStart), end: isoDay(cal, cal.promoEnd) }, anomalies };
}

/** Labels of the shop that generateDemoRows makes from the same options; cheap, needs no events. */
export function demoLabels(opts: DemoOptions): DemoLabels {
  return labelsFromPlan(planDemo(opts));
}
