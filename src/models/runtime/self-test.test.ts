import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { runtimeSelfTest } from './self-test';

describe.each(['cpu', 'wasm'])('runtimeSelfTest on %s', (backend) => {
  it('passes its kernel checks, measures throughput and leaks nothing', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const before = tf.memory().numTensors;
    const result = await runtimeSelfTest();
    expect(result).toMatchObject({ backend, segmentSumOk: true, embeddingGradOk: true, errors: [] });
    expect(result.matmulGflops).toBeGreaterThan(0.05);
    expect(result.matmulGflops).toBeLessThan(10_000);
    expect(result.ms).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    console.info(`${backend}: ${result.matmulGflops.toFixed(2)} GFLOP/s in ${Math.round(result.ms)} ms`);
  });
});
