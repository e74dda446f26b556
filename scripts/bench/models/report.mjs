// Turns the models run into the one JSON object the benchmark prints.
import { basename } from 'node:path';
import { isNeural } from '../../../src/lib/model-catalog.ts';
import { round } from '../report.mjs';

/** The targets, set for online-retail on WASM on two cores: reported against, never enforced. */
const TARGETS = { gru4recEpochMs: 30_000, trainingShareOfMatmul: 0.3, top10AllUsersMs: 5000 };

/** Test metrics as reported, rounded to 4 decimals. */
const METRICS = ['hr10', 'ndcg10', 'mrr10', 'hr20', 'ndcg20', 'mrr20', 'coverage'];

/**
 * Milliseconds of each model's evaluation (and, for neural models, weight saving), from the page
 * times of the progress updates: a model's 'evaluate' update → the next model's fit start (its own
 * 'evaluate' update minus its fitMs), or → the end of the run (which includes saving the run).
 * Also the setup before the first fit (interactions, split, backend start).
 */
function phaseTimes(trained) {
  const { answer, evaluateAt, startAt, endAt } = trained;
  const fitStart = (row) => evaluateAt[row.id] - row.fitMs;
  const evalMs = Object.fromEntries(answer.rows.map((row, i) => {
    const next = answer.rows[i + 1];
    return [row.id, (next ? fitStart(next) : endAt) - evaluateAt[row.id]];
  }));
  return { evalMs, setupMs: answer.rows.length ? fitStart(answer.rows[0]) - startAt : null };
}

/** One model's row of the report: its test metrics, throughput, validation NDCG@10 and timings. */
function modelRow(row, trained, evalMs, matmulGflops) {
  const neural = isNeural(row.id);
  return {
    ...Object.fromEntries(METRICS.map((m) => [m, round(row.test[m], 4)])),
    epochMs: round(row.epochMs),
    seqPerSec: round(row.seqPerSec),
    gflops: round(row.gflops, 2),
    ...(neural ? { gflopsShare: matmulGflops > 0 ? round(row.gflops / matmulGflops, 3) : null } : {}),
    avgPopularity: round(row.test.avgPopularity, 1),
    validNdcg10: round(row.valid.ndcg10, 4),
    validHr10: round(row.valid.hr10, 4),
    epochs: row.epochs,
    ...(neural ? { epochMsEach: trained.epochEnds.filter((e) => e.model === row.id).map((e) => round(e.epochMs)) } : {}),
    losses: row.losses.map((l) => round(l, 4)),
    fitMs: round(row.fitMs),
    evalMs: round(evalMs),
    label: row.label,
  };
}

/** The next-action head's held-out figures next to its baselines, rounded (NaN, for no cases, prints as null). */
function nextActionReport(report) {
  const row = (id) => {
    const m = report.rows.find((r) => r.id === id)?.metrics;
    return m ? { accuracy: round(m.accuracy, 4), macroF1: round(m.macroF1, 4), logLoss: round(m.logLoss, 4) } : null;
  };
  return { cases: report.cases, model: row('model'), lastType: row('last-type'), prior: row('prior') };
}

/** { value, limit, met } of a measured value against an upper (`below`) or lower limit; null when not measured. */
function target(value, limit, below) {
  if (value === null || value === undefined) return null;
  return { value, limit, met: below ? value < limit : value >= limit };
}

/**
 * The final object: the required figures first (protocol, backend, matmul GFLOP/s, users, items,
 * per-model metrics and throughput), then top-10 for every user, the targets, and what it ran on.
 */
export function modelsReport({ opts, run, env }) {
  const { answer } = run.trained;
  const { info, selfTest } = run.runtime;
  const { evalMs, setupMs } = phaseTimes(run.trained);
  const models = Object.fromEntries(answer.rows.map((row) => [row.id, modelRow(row, run.trained, evalMs[row.id], selfTest.matmulGflops)]));
  const shares = Object.fromEntries(Object.entries(models).filter(([, m]) => m.gflopsShare !== undefined).map(([id, m]) => [id, m.gflopsShare]));
  const top10Ms = round(run.top10.ms);
  return {
    protocol: answer.request.protocol,
    backend: info.name,
    matmulGflops: round(selfTest.matmulGflops, 2),
    users: answer.users,
    items: answer.items,
    models,
    best: answer.best,
    ...(answer.nextAction ? { nextAction: nextActionReport(answer.nextAction) } : {}),
    top10AllUsersMs: top10Ms,
    top10Model: answer.best,
    top10Rows: run.top10.rows,
    targets: {
      gru4recEpochMs: target(models.gru4rec?.epochMs, TARGETS.gru4recEpochMs, true),
      trainingShareOfMatmul: Object.keys(shares).length
        ? { value: shares, limit: TARGETS.trainingShareOfMatmul, met: Object.values(shares).every((s) => s !== null && s >= TARGETS.trainingShareOfMatmul) }
        : null,
      top10AllUsersMs: target(top10Ms, TARGETS.top10AllUsersMs, true),
      setFor: 'online-retail on WASM',
    },
    notes: answer.notes,
    backendDetail: info.detail,
    software: info.software,
    available: info.available,
    trainBackend: answer.backend,
    selfTest: { embeddingGradOk: selfTest.embeddingGradOk, segmentSumOk: selfTest.segmentSumOk, ms: round(selfTest.ms), errors: selfTest.errors },
    request: answer.request,
    interactions: answer.interactions,
    validCases: answer.validCases,
    testCases: answer.testCases,
    trainMs: round(run.trained.endAt - run.trained.startAt),
    setupMs: round(setupMs),
    loadMs: round(run.loaded.loadMs),
    importMs: round(run.imported.importMs),
    events: run.imported.record.rows,
    files: opts.files.map((f) => basename(f)),
    preset: run.imported.record.preset,
    mapping: run.imported.mapping.columns,
    env: { ...env, chromium: run.chromium },
  };
}
