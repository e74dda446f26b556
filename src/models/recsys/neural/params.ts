// The trainable parameters of one network, by name, in creation order. The same model-building code
// runs for a fresh model (values from seeded initialisers) and a loaded one (values from a saved
// buffer), so a saved model can only load into the architecture that wrote it.
import { clone, fill, keep, randomUniform, tensor, variable, zeros, type Tensor, type Variable } from '@tensorflow/tfjs';
import { deriveSeed } from '../../../lib/random';

/** A parameter's first values, from its shape and its own seed. */
export type Init = (shape: number[], seed: number) => Tensor;

/** Name and shape of one stored parameter, in the order its values sit in the weight buffer. */
export interface ParamSpec {
  name: string;
  shape: number[];
}

/** Glorot/Xavier uniform: U(±√(6 / (fan_in + fan_out))), keeping activations' variance steady through a layer. */
export const glorot: Init = (shape, seed) => {
  const fanOut = shape.at(-1) ?? 1;
  const fanIn = shape.length > 1 ? (shape.at(-2) ?? 1) : fanOut;
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return randomUniform(shape, -limit, limit, 'float32', seed);
};

/** All zeros (biases, layer-norm shifts). */
export const zerosInit: Init = (shape) => zeros(shape);

/** Every value `v` (layer-norm gains = 1, an LSTM's forget-gate bias = 1). */
export function constantInit(v: number): Init {
  return (shape) => fill(shape, v);
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A network's named variables: created once, trained, snapshotted, saved and disposed together. */
export class ParamStore {
  private readonly params = new Map<string, { shape: number[]; v: Variable }>();

  /** `loaded`: saved values by name, used instead of the initialisers (see unpackParams). */
  constructor(
    private readonly seed: number,
    private readonly loaded?: ReadonlyMap<string, Float32Array>,
  ) {}

  /** Creates parameter `name`; each gets its own seed from the store's seed and its creation index. */
  add(name: string, shape: number[], init: Init): Variable {
    if (this.params.has(name)) throw new Error(`Parameter ${name} defined twice`);
    const stored = this.loaded?.get(name);
    if (this.loaded && !stored) throw new Error(`Saved model has no parameter ${name}`);
    if (stored && stored.length !== size(shape)) throw new Error(`Saved parameter ${name} does not have shape [${shape.join(', ')}]`);
    const initial = stored ? tensor(stored, shape) : init(shape, deriveSeed(this.seed, this.params.size));
    // Unnamed: TF.js variable names are global, and two models may hold the same parameter names.
    const v = variable(initial, true);
    initial.dispose();
    this.params.set(name, { shape, v });
    return v;
  }

  /** Every variable, for the optimizer. */
  get variables(): Variable[] {
    return [...this.params.values()].map((p) => p.v);
  }

  /** Names and shapes, in buffer order. */
  specs(): ParamSpec[] {
    return [...this.params].map(([name, p]) => ({ name, shape: p.shape }));
  }

  /** Total number of scalar parameters. */
  count(): number {
    return [...this.params.values()].reduce((n, p) => n + size(p.shape), 0);
  }

  /** All values as one float32 buffer, in specs() order. */
  async pack(): Promise<ArrayBuffer> {
    const out = new Float32Array(this.count());
    let offset = 0;
    for (const { v } of this.params.values()) {
      const values = await v.data();
      out.set(values as Float32Array, offset);
      offset += values.length;
    }
    return out.buffer;
  }

  /** Copies of the current values (kept outside any tidy); give them back to restore() or dispose them. */
  snapshot(): Tensor[] {
    return this.variables.map((v) => keep(clone(v)));
  }

  /** Puts snapshot values back (early stopping's best epoch). */
  restore(snapshot: readonly Tensor[]): void {
    this.variables.forEach((v, i) => {
      const value = snapshot[i];
      if (value) v.assign(value);
    });
  }

  dispose(): void {
    for (const { v } of this.params.values()) v.dispose();
    this.params.clear();
  }
}

/** Splits a weight buffer into values by name, checking it against the specs. */
export function unpackParams(specs: readonly ParamSpec[], buffer: ArrayBuffer): Map<string, Float32Array> {
  const all = new Float32Array(buffer);
  const out = new Map<string, Float32Array>();
  let offset = 0;
  for (const { name, shape } of specs) {
    const n = size(shape);
    if (offset + n > all.length) throw new Error(`Weight buffer too short for parameter ${name}`);
    out.set(name, all.slice(offset, offset + n));
    offset += n;
  }
  if (offset !== all.length) throw new Error(`Weight buffer has ${all.length - offset} values no parameter claims`);
  return out;
}
