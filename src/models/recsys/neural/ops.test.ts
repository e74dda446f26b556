import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { matmul, pickRows, rowBlocks, softmaxCrossEntropy, takeRows } from './ops';
import { TEST_BACKENDS, useBackend } from './synthetic.test-util';

function expectClose(got: tf.Tensor, want: tf.Tensor, digits = 4): void {
  expect(got.shape).toEqual(want.shape);
  const [g, w] = [got.dataSync(), want.dataSync()];
  g.forEach((v, i) => expect(v).toBeCloseTo(w[i] ?? NaN, digits));
}

describe.each(TEST_BACKENDS)('ops on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('cuts row blocks and picks rows like split and gather, and takeRows sums its gradient by row', () => {
    tf.tidy(() => {
      const x = tf.range(0, 24).reshape([6, 4]) as tf.Tensor2D;
      rowBlocks(x, 3).forEach((b, i) => expectClose(b, tf.split(x, 3, 0)[i] ?? tf.scalar(NaN)));
      expectClose(pickRows(x, Int32Array.of(5, 0, 5)), tf.gather(x, [5, 0, 5]));
      expectClose(pickRows(x, tf.tensor1d([2, 1], 'int32')), tf.gather(x, [2, 1]));
      const [grad] = tf.grads((t: tf.Tensor) => tf.sum(tf.mul(takeRows(t as tf.Tensor2D, Int32Array.of(5, 0, 5)), tf.ones([3, 4]))))([x]);
      expect(grad?.sum(1).arraySync()).toEqual([4, 0, 0, 0, 0, 8]);
    });
  });

  it('matmul has the value and gradients of tf.matMul', () => {
    tf.tidy(() => {
      const a = tf.randomNormal([5, 3], 0, 1, 'float32', 1) as tf.Tensor2D;
      const b = tf.randomNormal([3, 4], 0, 1, 'float32', 2) as tf.Tensor2D;
      const r = tf.randomNormal([5, 4], 0, 1, 'float32', 3);
      const f = (mm: (x: tf.Tensor2D, y: tf.Tensor2D) => tf.Tensor) => tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(mm(x as tf.Tensor2D, y as tf.Tensor2D), r)))([a, b]);
      expectClose(matmul(a, b), tf.matMul(a, b));
      f(matmul).forEach((g, i) => expectClose(g, f((x, y) => tf.matMul(x, y))[i] ?? tf.scalar(NaN)));
    });
  });

  it('softmaxCrossEntropy matches tf.losses.softmaxCrossEntropy in value and gradients', () => {
    tf.tidy(() => {
      const h = tf.randomNormal([6, 4], 0, 1, 'float32', 4) as tf.Tensor2D;
      const c = tf.randomNormal([7, 4], 0, 1, 'float32', 5) as tf.Tensor2D;
      const labels = tf.tensor1d([0, 6, 3, 3, 1, 2], 'int32');
      const reference = (x: tf.Tensor, y: tf.Tensor) => tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 7), tf.matMul(x, y, false, true));
      const ours = (x: tf.Tensor, y: tf.Tensor) => softmaxCrossEntropy(x as tf.Tensor2D, y as tf.Tensor2D, labels);
      expectClose(ours(h, c), reference(h, c), 5);
      const [want, got] = [tf.grads(reference)([h, c]), tf.grads(ours)([h, c])];
      got.forEach((g, i) => expectClose(g, want[i] ?? tf.scalar(NaN), 5));
    });
  });
});
