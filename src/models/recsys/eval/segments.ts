// Ready-made segment functions for evaluate()'s per-segment breakdown.
import type { EvalCase } from '../types';

/** Upper bounds (inclusive) of the light and medium activity buckets, in history length. */
export const ACTIVITY_BOUNDS = [5, 20] as const;

/** Activity bucket of a case by how many interactions its history holds: 'light (≤5)', 'medium (6–20)', 'heavy (>20)'. */
export function activitySegment(c: EvalCase): string {
  const [light, medium] = ACTIVITY_BOUNDS;
  const n = c.history.length;
  if (n <= light) return `light (≤${light})`;
  if (n <= medium) return `medium (${light + 1}–${medium})`;
  return `heavy (>${medium})`;
}

/** Segment by a label per user index (e.g. RFM segments the caller computed); unknown users get 'other'. */
export function userSegment(labels: ArrayLike<string | undefined>): (c: EvalCase) => string {
  return (c) => labels[c.user] ?? 'other';
}
