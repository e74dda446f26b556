// FitReport of a model fitted in one pass (no epochs, no loss curve, no FLOP count).
import { userCount } from '../interactions';
import type { FitReport, Interactions } from '../types';

/** The report of a one-pass fit that started at performance.now() = t0. */
export function onePassReport(train: Interactions, t0: number): FitReport {
  const ms = performance.now() - t0;
  return { epochs: 1, epochMs: ms, seqPerSec: ms > 0 ? (userCount(train) * 1000) / ms : 0, gflops: 0, losses: [] };
}
