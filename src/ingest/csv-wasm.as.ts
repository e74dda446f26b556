// AssemblyScript entry of the module that scripts/build-wasm.mjs compiles into csv-wasm.ts: the
// splitter of delimited records and the per-column passes over its fields, sharing one memory.
export * from './csv-split.as';
export * from './field-keys.as';
