// Turns the analytics runs into the one JSON object the benchmark prints.
import { basename } from 'node:path';
import { median, round } from '../report.mjs';

/** The four timed queries, as named in the harness and in the report (`<name>Ms`). */
const QUERIES = ['funnel', 'retention', 'paths', 'rfm'];

/** A memory reading rounded to 0.1 MB. */
const mb = (m) => ({ usedMB: round(m.usedMB, 1), backingMB: round(m.backingMB, 1), totalMB: round(m.totalMB, 1) });

/** One run's figures as reported under `runs`: per-query medians of its timed calls, and its memory readings. */
function runSummary(run) {
  return {
    importMs: round(run.importMs),
    loadMs: round(run.prepared.loadMs),
    ...Object.fromEntries(QUERIES.map((q) => [`${q}Ms`, round(median(run.times[q]), 1)])),
    rfmEndMs: round(run.prepared.rfmEndMs, 1),
    warmupMs: Object.fromEntries(QUERIES.map((q) => [q, round(run.prepared.warmup[q].ms, 1)])),
    heapBefore: mb(run.before),
    heapAfter: mb(run.after),
    heapGrowthMB: round(run.after.totalMB - run.before.totalMB, 1),
    repeatMs: round(run.repeatMs),
  };
}

/**
 * The final object: the required figures first (events, median worker ms per query over every
 * timed call of every run, median heap growth over the runs, the 1-day funnel and the RFM segments
 * of the first run), then what they were measured on, the answers' digests and the per-run figures.
 */
export function analyticsReport({ files, opts, runs, env }) {
  const first = runs[0];
  const p = first.prepared;
  const stable = runs.every((r) => JSON.stringify([r.prepared.funnel, r.prepared.rfmSegments]) === JSON.stringify([p.funnel, p.rfmSegments]));
  return {
    events: p.events,
    ...Object.fromEntries(QUERIES.map((q) => [`${q}Ms`, round(median(runs.flatMap((r) => r.times[q])), 1)])),
    heapGrowthMB: round(median(runs.map((r) => r.after.totalMB - r.before.totalMB)), 1),
    funnel: p.funnel,
    rfmSegments: p.rfmSegments,
    files: files.map((f) => basename(f)),
    preset: first.preset,
    requestedPreset: opts.preset ?? null,
    users: p.users,
    customers: p.customers,
    asOf: p.asOf,
    answersStable: stable,
    // What the timed queries answered (warm-up call of the first run), so a wrong query shows.
    answers: Object.fromEntries(['funnel', 'retention', 'paths'].map((q) => [q, p.warmup[q].digest])),
    // The timed RFM calls (at 1 ms past the last event, never cached) give the same segments as the end.
    rfmColdMatchesEnd: JSON.stringify(p.warmup.rfm.digest) === JSON.stringify(p.rfmSegments),
    runCount: runs.length,
    reps: opts.reps,
    rounds: opts.rounds,
    backingReported: runs.every((r) => r.before.backingReported && r.after.backingReported),
    env: { ...env, chromium: first.chromium },
    runs: runs.map(runSummary),
  };
}
